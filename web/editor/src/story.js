// The story of a failed security test, told first: the attack request,
// the SQL it turned into (with the attacker's text marked), what that SQL
// matched, what the app answered, and what to change. The rule that
// failed comes after, in the test's own words.

import { h, rowsTable } from "./dom.js";

export function attackStory(test) {
  const steps = test.steps || [];
  const last = steps[steps.length - 1];
  if (!last) return null;
  const values = requestValues(last.request);
  const statements = (last.trace?.events || []).filter((e) => e.kind === "sql");
  const touched = statements.filter((e) => values.some((v) => e.sql.includes(v)));
  const shown = touched.length ? touched : statements.slice(0, 3);
  const failed = (last.checks || []).filter((c) => !c.passed);
  const injection = failed.find((c) => /parameters/.test(c.check));
  const fix = injection?.diff?.[1];
  return h(
    "div",
    { class: "story" },
    h("h4", {}, "The attack"),
    h("p", {}, "The test sent ", h("code", {}, `${last.request.method} ${last.request.url}`), last.request.body ? " with this body:" : "."),
    last.request.body ? h("pre", { class: "body" }, h("code", {}, last.request.body)) : null,
    shown.length
      ? [
          h("h4", {}, touched.length ? "The SQL it turned into" : "The SQL your code ran"),
          shown.map((e) => statement(e, values)),
          touched.length ? h("p", { class: "quiet" }, "The marked text came from the request: it changed what the query means instead of being a value.") : null,
        ]
      : null,
    last.response
      ? [h("h4", {}, "What your app answered"), h("pre", { class: "body" }, h("code", {}, `${last.response.status}\n${clip(last.response.body)}`))]
      : h("p", { class: "problem" }, last.verdict.message),
    h("h4", {}, "Why the test failed"),
    h("ul", { class: "diff" }, failed.length ? failed.map((c) => h("li", {}, `${c.check}: ${c.diff?.[0] || "did not hold"}`)) : h("li", {}, test.message)),
    fix ? [h("h4", {}, "The fix"), h("p", {}, fix[0].toUpperCase() + fix.slice(1))] : null,
  );
}

function statement(event, values) {
  let outcome = null;
  if (event.error) outcome = h("p", { class: "problem" }, event.error);
  else if (event.columns) outcome = [h("p", { class: "quiet" }, `It matched ${event.row_count} row${event.row_count === 1 ? "" : "s"}:`), rowsTable(event.columns, event.rows || [], event.row_count)];
  else if (event.changes !== undefined) outcome = h("p", { class: "quiet" }, `It changed ${event.changes} row${event.changes === 1 ? "" : "s"}.`);
  return h("div", { class: "story-sql" }, h("pre", {}, h("code", {}, marked(event.sql, values))), outcome);
}

/** `sql` with every request value in it wrapped in <mark>. */
function marked(sql, values) {
  const found = values.filter((v) => sql.includes(v)).sort((a, b) => b.length - a.length);
  if (!found.length) return sql;
  const parts = [];
  let rest = sql;
  while (rest) {
    let best = null;
    for (const v of found) {
      const at = rest.indexOf(v);
      if (at >= 0 && (best === null || at < best.at)) best = { at, v };
    }
    if (!best) {
      parts.push(rest);
      break;
    }
    parts.push(rest.slice(0, best.at), h("mark", {}, best.v));
    rest = rest.slice(best.at + best.v.length);
  }
  return parts;
}

/** The text values a request carried (query, JSON or form body), long enough to matter. */
export function requestValues(request) {
  const out = [];
  const add = (v) => {
    if (typeof v === "string" && v.length >= 3) out.push(v);
    else if (typeof v === "number") out.push(String(v));
    else if (v && typeof v === "object") Object.values(v).forEach(add);
  };
  const query = request.url.split("?")[1];
  if (query) for (const [, v] of new URLSearchParams(query)) add(v);
  if (request.body) {
    try {
      add(JSON.parse(request.body));
    } catch {
      for (const [, v] of new URLSearchParams(request.body)) add(v);
    }
  }
  return out.filter((v) => v.length >= 3);
}

function clip(text) {
  if (!text) return "(empty body)";
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
