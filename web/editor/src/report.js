// A submission's report: a line per test (✓ or ✗), and for each failing
// test what was expected against what came back, the diff, and the trace
// of each request. Hidden tests appear only as a count.

import { h, show } from "./dom.js";
import { renderTrace } from "./trace.js";

export function renderReport(report) {
  const visible = report.tests.filter((t) => !t.hidden);
  const hidden = report.tests.filter((t) => t.hidden);
  const hiddenPassed = hidden.filter((t) => t.status === "pass").length;
  const headline = report.status === "pass" ? "✓ Every test passes. Well done!" : report.status === "error" ? "Your code could not be tested" : `✗ ${report.passed} of ${report.total} tests pass`;
  return h(
    "div",
    { class: `report ${report.status}` },
    h("p", { class: "headline", role: report.status === "pass" ? "status" : "alert" }, headline),
    report.status === "error" ? h("p", { class: "problem" }, report.message) : null,
    h("ol", { class: "tests" }, visible.map(test)),
    hidden.length
      ? h(
          "div",
          { class: "hidden-tests" },
          h("p", {}, `Hidden tests: ${hiddenPassed} of ${hidden.length} pass.`),
          hidden.filter((t) => t.status !== "pass").map((t) => h("p", { class: "quiet" }, t.message)),
        )
      : null,
  );
}

function test(t) {
  const pass = t.status === "pass";
  return h(
    "li",
    { class: `test ${t.status}` },
    h(
      "details",
      { open: !pass },
      h("summary", {}, h("span", { class: "mark", "aria-label": pass ? "passed" : "failed" }, pass ? "✓" : "✗"), " ", t.name, t.security ? h("span", { class: "tag security" }, "security") : null),
      t.message ? h("p", { class: "message" }, t.message) : null,
      t.query ? queryPart(t.query) : null,
      (t.steps || []).map(step),
      t.database && t.database.length ? h("div", { class: "database" }, h("h4", {}, "The database afterwards"), t.database.map(check)) : null,
    ),
  );
}

function step(s, i) {
  const request = `${s.request.method} ${s.request.url}`;
  return h(
    "div",
    { class: "step" },
    h("h4", {}, `Request ${i + 1}: `, h("code", {}, request), s.response ? h("span", { class: "quiet" }, ` → ${s.response.status}`) : null),
    s.request.body ? h("pre", { class: "body" }, h("code", {}, s.request.body)) : null,
    s.verdict.kind === "ok" ? null : h("p", { class: "problem" }, s.verdict.message),
    (s.checks || []).map(check),
    h("details", { class: "step-trace" }, h("summary", {}, "What your code did"), s.response ? h("pre", { class: "body" }, h("code", {}, s.response.body || "(empty body)")) : null, renderTrace(s.trace)),
  );
}

function queryPart(q) {
  return h("div", { class: "step" }, h("pre", {}, h("code", {}, q.sql)), q.verdict.kind === "ok" ? null : h("p", { class: "problem" }, q.verdict.message), (q.checks || []).map(check));
}

function check(c) {
  if (c.passed) return h("p", { class: "check pass" }, "✓ ", c.check);
  return h(
    "div",
    { class: "check fail" },
    h("p", {}, "✗ ", c.check),
    h(
      "div",
      { class: "versus" },
      h("div", {}, h("h5", {}, "Expected"), h("pre", {}, h("code", {}, show(c.expected)))),
      h("div", {}, h("h5", {}, "Actual"), h("pre", {}, h("code", {}, show(c.actual)))),
    ),
    c.diff && c.diff.length ? h("ul", { class: "diff" }, c.diff.map((line) => h("li", {}, line))) : null,
  );
}
