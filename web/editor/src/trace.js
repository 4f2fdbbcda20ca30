// A run's trace, as the learner's "network tab" for the back end: every SQL
// statement with its parameters and rows, every call to another service, and
// every console line, in order.

import { h, show, rowsTable } from "./dom.js";

export function renderTrace(trace) {
  if (!trace || trace.events.length === 0) {
    return h("p", { class: "quiet" }, "Your code ran no SQL, called no service and logged nothing.");
  }
  const items = trace.events.map((event) => {
    if (event.kind === "sql") return sqlEvent(event);
    if (event.kind === "call") return callEvent(event);
    if (event.kind === "log") return h("li", { class: `log ${event.level}` }, h("span", { class: "label" }, `console.${event.level}`), " ", h("code", {}, event.message));
    return h("li", { class: "crypto" }, h("span", { class: "label" }, "crypto"), ` ${event.call} (${(event.duration_us / 1000).toFixed(1)} ms)`);
  });
  return h(
    "div",
    { class: "trace" },
    h("ol", { class: "events" }, items),
    trace.logs_dropped ? h("p", { class: "quiet" }, `${trace.logs_dropped} more console lines were dropped (the log limit was reached).`) : null,
    trace.rolled_back_open_transaction ? h("p", { class: "problem" }, "Your code left a transaction open; Backlab rolled it back.") : null,
  );
}

function callEvent(event) {
  const answer = event.status === 0 ? "no such service" : `answered ${event.status}`;
  return h(
    "li",
    { class: "call" },
    h("span", { class: "label" }, "fetch"),
    " ",
    h("code", {}, `${event.method} ${event.url}`),
    ` ${answer}`,
    event.body ? h("pre", {}, h("code", {}, event.body)) : null,
  );
}

function sqlEvent(event) {
  const params = Array.isArray(event.params) ? event.params.length > 0 : event.params && Object.keys(event.params).length > 0;
  let outcome;
  if (event.error) outcome = h("p", { class: "problem" }, event.error);
  else if (event.columns) outcome = rowsTable(event.columns, event.rows || [], event.row_count);
  else if (event.changes !== undefined) outcome = h("p", { class: "quiet" }, `${event.changes} row${event.changes === 1 ? "" : "s"} changed${event.last_insert_rowid ? `, new row id ${event.last_insert_rowid}` : ""}.`);
  return h(
    "li",
    { class: "sql" },
    h("span", { class: "label" }, "SQL"),
    h("pre", {}, h("code", {}, event.sql)),
    params ? h("p", { class: "params" }, "with ", h("code", {}, show(event.params))) : null,
    outcome,
  );
}
