// Building page elements from data. Text always goes in as text nodes, never
// as HTML, so a response body full of <script> tags is shown, not run.

/** `h("p", { class: "x" }, "text", child)` → an element. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A value as the learner would write it: strings quoted, JSON compact. */
export function show(value) {
  return typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}

function cell(v) {
  if (v === null) return "NULL";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** A table of `columns` and the first `rows`, saying so when `count` is larger. */
export function rowsTable(columns, rows, count) {
  const more = count > rows.length ? h("p", { class: "quiet" }, `${count} rows in all; the first ${rows.length} are shown.`) : null;
  return [table(columns, rows), more];
}

/**
 * A table of `columns` and `rows` (arrays of values); `marks[i]`, when
 * given, labels row i ("missing", "extra") and highlights it.
 */
export function table(columns, rows, marks = []) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        rows.map((row, i) =>
          h(
            "tr",
            { class: marks[i] ? `marked ${marks[i]}` : null },
            row.map((v, j) => h("td", {}, j === 0 && marks[i] ? h("span", { class: "row-mark" }, marks[i]) : null, cell(v))),
          ),
        ),
      ),
    ),
  );
}
