// A submission's report: a line per test (✓ or ✗), and for each failing
// test what was expected against what came back, the diff, and the trace
// of each request. A security test that failed opens with the attack's
// story; rows are compared as tables; hidden tests appear only as a count,
// with their clue once they have failed twice. Only the headline is a live
// region, so a screen reader hears the summary, not the whole report.

import { h, show, table } from "./dom.js";
import { renderTrace } from "./trace.js";
import { attackStory } from "./story.js";

export function renderReport(report) {
  if (report.not_loaded) return notLoaded(report);
  const visible = report.tests.filter((t) => !t.hidden);
  const hidden = report.tests.filter((t) => t.hidden);
  const hiddenPassed = hidden.filter((t) => t.status === "pass").length;
  const headline = report.status === "pass" ? "✓ Every test passes. Well done!" : report.status === "error" ? "Your code could not be tested" : `✗ ${report.passed} of ${report.total} tests pass`;
  return h(
    "div",
    { class: `report ${report.status}` },
    h("div", { role: report.status === "pass" ? "status" : "alert" }, h("h3", { class: "headline" }, headline)),
    report.status === "error" ? h("p", { class: "problem" }, report.message) : null,
    h("ol", { class: "tests" }, visible.map(test)),
    hidden.length
      ? h(
          "div",
          { class: "hidden-tests" },
          h("h3", {}, `Hidden tests: ${hiddenPassed} of ${hidden.length} pass`),
          hidden.filter((t) => t.status !== "pass").map(hiddenTest),
        )
      : null,
  );
}

/** The file did not load: one banner, and no test to list. */
function notLoaded(report) {
  const verdict = report.not_loaded;
  const query = verdict.kind === "sql_error";
  const where = verdict.location ? ` The problem is marked in the editor, on line ${verdict.location.line}.` : "";
  const why = query ? "SQLite refused the statement before running it, so there were no rows to compare." : "the file stopped before any request could reach it.";
  return h(
    "div",
    { class: "report error not-loaded" },
    h("div", { role: "alert" }, h("h3", { class: "headline" }, query ? "Your query could not run" : "Your file did not load")),
    h("p", {}, query ? `None of the ${report.total} tests ran: ${why}` : `None of the ${report.total} tests ran, because ${why}${where}`),
    h("p", { class: "problem" }, verdict.message),
  );
}

function hiddenTest(t) {
  return h(
    "div",
    { class: "hidden-test" },
    h("p", { class: "quiet" }, `${t.name}: ${t.message}`),
    t.clue ? h("p", { class: "clue" }, h("strong", {}, "Clue: "), t.clue) : null,
  );
}

function test(t) {
  const pass = t.status === "pass";
  const story = !pass && t.security ? attackStory(t) : null;
  return h(
    "li",
    { class: `test ${t.status}` },
    h(
      "details",
      { open: !pass },
      h("summary", {}, h("span", { class: "mark", role: "img", "aria-label": pass ? "passed" : "failed" }, pass ? "✓" : "✗"), " ", t.name, t.security ? h("span", { class: "tag security" }, "security") : null),
      story,
      t.message && !story ? h("p", { class: "message" }, t.message) : null,
      t.query ? queryPart(t.query) : null,
      story ? h("details", { class: "step-detail" }, h("summary", {}, "Every request and check of this test"), (t.steps || []).map(step)) : (t.steps || []).map(step),
      t.database && t.database.length ? h("div", { class: "database" }, h("h4", {}, "The database afterwards"), t.database.map((c) => check(c))) : null,
      t.calls && t.calls.length ? h("div", { class: "calls" }, h("h4", {}, "Calls to other services"), t.calls.map((c) => check(c))) : null,
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
    (s.checks || []).map((c) => check(c)),
    h("details", { class: "step-trace" }, h("summary", {}, "What your code did"), s.response ? h("pre", { class: "body" }, h("code", {}, s.response.body || "(empty body)")) : null, renderTrace(s.trace)),
  );
}

function queryPart(q) {
  return h("div", { class: "step" }, h("h4", {}, "Your query"), h("pre", {}, h("code", {}, q.sql)), q.verdict.kind === "ok" ? null : h("p", { class: "problem" }, q.verdict.message), (q.checks || []).map((c) => check(c, q.columns)));
}

function check(c, columns) {
  if (c.passed) return h("p", { class: "check pass" }, "✓ ", c.check);
  const rows = isRows(c.expected) && isRows(c.actual);
  return h(
    "div",
    { class: "check fail" },
    h("p", {}, "✗ ", c.check),
    rows
      ? rowsDiff(c.expected, c.actual, columns)
      : h(
          "div",
          { class: "versus" },
          h("div", {}, h("h5", {}, "Expected"), h("pre", {}, h("code", {}, show(c.expected)))),
          h("div", {}, h("h5", {}, "Actual"), h("pre", {}, h("code", {}, show(c.actual)))),
        ),
    c.diff && c.diff.length ? h("ul", { class: "diff" }, c.diff.map((line) => h("li", {}, line))) : null,
  );
}

function isRows(value) {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/**
 * Expected and actual rows as two tables: a row of one that the other
 * lacks is highlighted (missing in Expected, extra in Actual), counting
 * repeats, so a duplicated row shows as one extra.
 */
function rowsDiff(expected, actual, columns) {
  const key = (row) => JSON.stringify(row);
  const unmatched = (rows, other) => {
    const left = new Map();
    for (const row of other) left.set(key(row), (left.get(key(row)) || 0) + 1);
    return rows.map((row) => {
      const n = left.get(key(row)) || 0;
      if (n > 0) {
        left.set(key(row), n - 1);
        return false;
      }
      return true;
    });
  };
  // The learner's column names fit the rows that have as many columns.
  const names = (rows) => {
    const width = Math.max(0, ...rows.map((r) => r.length));
    return columns && columns.length === width ? columns : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  };
  const side = (title, rows, marks, label) =>
    h(
      "div",
      {},
      h("h5", {}, `${title}: ${rows.length} row${rows.length === 1 ? "" : "s"}`),
      rows.length ? table(names(rows), rows, marks.map((m) => (m ? label : null))) : h("p", { class: "quiet" }, "no rows"),
    );
  const missing = unmatched(expected, actual);
  const extra = unmatched(actual, expected);
  return h(
    "div",
    { class: "versus rows" },
    side("Expected", expected, missing, "missing"),
    side("Actual", actual, extra, "extra"),
    missing.some(Boolean) || extra.some(Boolean)
      ? h("p", { class: "legend quiet" }, "Highlighted: rows your result lacks (missing) and rows it should not have (extra).")
      : h("p", { class: "legend quiet" }, "The same rows, in a different order."),
  );
}
