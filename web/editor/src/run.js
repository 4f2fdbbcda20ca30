// "Run": the learner builds a request (or, for an SQL exercise, just runs
// the statement) and sees everything that happened: the response, the SQL
// trace, the console, the tables afterwards, and the same request as curl.
// A newer Run cancels an older one; the last few results stay a click away,
// like a browser's network tab.

import { api } from "./api.js";
import { h, fill, table, rowsTable } from "./dom.js";
import { renderTrace } from "./trace.js";

/** Results kept to compare. */
const KEPT = 5;

export class Runner {
  constructor(exercise, form, result, history) {
    this.exercise = exercise;
    this.form = form;
    this.result = result;
    this.history = history;
    this.runs = [];
    this.shown = null;
    this.inFlight = null;
    this.count = 0;
    if (form) this.offerSamples();
  }

  offerSamples() {
    const select = this.form.querySelector("#sample");
    // A tests exercise has no tests of its own to start from.
    if (!select) return;
    const samples = this.exercise.samples;
    select.append(...samples.map((s, i) => h("option", { value: i }, s.name)));
    select.addEventListener("change", () => {
      if (select.value !== "") this.use(samples[Number(select.value)].request);
    });
    if (samples.length > 0) this.use(samples[0].request);
  }

  use(request) {
    const field = (name) => this.form.elements.namedItem(name);
    field("method").value = request.method;
    field("path").value = request.url;
    field("headers").value = request.headers.map(([n, v]) => `${n}: ${v}`).join("\n");
    field("body").value = request.body;
    field("ip").value = request.remote_address ?? "";
  }

  /** The request in the form, or an error naming the field to fix. */
  request() {
    const field = (name) => this.form.elements.namedItem(name).value;
    const headers = [];
    for (const line of field("headers").split("\n")) {
      if (!line.trim()) continue;
      const colon = line.indexOf(":");
      if (colon < 1) throw new Error(`The header line “${line}” needs a name, a colon and a value, like Accept: application/json.`);
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    const body = field("body");
    if (body && !headers.some(([n]) => n.toLowerCase() === "content-type")) {
      headers.push(["Content-Type", looksLikeJson(body) ? "application/json" : "text/plain"]);
    }
    let path = field("path").trim() || "/";
    if (!path.startsWith("/")) path = `/${path}`;
    const ip = field("ip").trim();
    return { method: field("method"), path, headers, body, ...(ip ? { ip } : {}) };
  }

  /**
   * Runs `code`; a Run still waiting is cancelled, so the result shown is
   * always the newest code's. Returns the tryout (or null).
   */
  async run(code) {
    let request;
    try {
      request = this.form ? this.request() : undefined;
    } catch (error) {
      fill(this.result, h("p", { class: "problem", role: "alert" }, error.message));
      return null;
    }
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    fill(this.result, h("p", { class: "quiet running", role: "status" }, "Running…"));
    try {
      const tryout = await api("POST", `/exercises/${encodeURIComponent(this.exercise.slug)}/run`, { code, request }, { signal: controller.signal });
      this.keep({ tryout, request, number: ++this.count });
      return tryout;
    } catch (error) {
      if (error.name === "AbortError") return null;
      fill(this.result, h("p", { class: "problem", role: "alert" }, error.message));
      return null;
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }

  get running() {
    return this.inFlight !== null;
  }

  keep(run) {
    this.runs = [run, ...this.runs].slice(0, KEPT);
    this.show(run);
  }

  show(run) {
    this.shown = run;
    fill(this.result, renderTryout(run.tryout, run.request));
    this.renderHistory();
  }

  renderHistory() {
    if (!this.history) return;
    if (this.runs.length < 2) {
      fill(this.history);
      return;
    }
    fill(
      this.history,
      h("span", { class: "quiet" }, "Recent runs: "),
      this.runs.map((run) =>
        h(
          "button",
          { type: "button", class: "run-chip", "aria-pressed": String(run === this.shown), onclick: () => this.show(run) },
          `#${run.number} ${label(run)}`,
        ),
      ),
    );
  }
}

/** A run in a few characters: `GET /todos → 200`, or its verdict. */
function label(run) {
  const t = run.tryout;
  const what = run.request ? `${run.request.method} ${run.request.path}` : "query";
  const outcome = t.response ? t.response.status : t.verdict.kind === "ok" ? "ok" : "error";
  const text = `${what} → ${outcome}`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function looksLikeJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function renderTryout(tryout, request) {
  const ok = tryout.verdict.kind === "ok";
  return h(
    "div",
    { class: "tryout" },
    h("p", { class: ok ? "verdict ok" : "verdict problem", role: ok ? "status" : "alert" }, tryout.verdict.message, h("span", { class: "quiet" }, ` (${tryout.duration_ms.toFixed(1)} ms)`)),
    tryout.response ? response(tryout.response) : null,
    tryout.query ? query(tryout.query) : null,
    tryout.trace ? section("SQL and console", renderTrace(tryout.trace)) : null,
    section("Tables after the run", tryout.tables.length ? tryout.tables.map(tableAfter) : h("p", { class: "quiet" }, "The database has no tables.")),
    request ? section("The same request with curl", h("pre", { class: "curl" }, h("code", {}, curl(request)))) : null,
  );
}

function response(res) {
  return section(
    "Response",
    h("p", { class: "status-line" }, h("strong", { class: `status s${String(res.status)[0]}` }, String(res.status)), ` ${reason(res.status)}`),
    h("pre", { class: "headers" }, res.headers.map(([n, v]) => `${n}: ${v}`).join("\n") || "(no headers)"),
    h("pre", { class: "body" }, h("code", {}, pretty(res.body) || "(empty body)")),
  );
}

function query(q) {
  return section(
    "Result",
    q.columns.length ? rowsTable(q.columns, q.rows, q.row_count) : h("p", { class: "quiet" }, q.changes === undefined ? "No rows." : `${q.changes} rows changed.`),
  );
}

function tableAfter(t) {
  return h("div", { class: "after" }, h("h4", {}, t.name, h("span", { class: "quiet" }, ` — ${t.row_count} row${t.row_count === 1 ? "" : "s"}`)), table(t.columns, t.rows));
}

function section(title, ...content) {
  return h("section", { class: "result-part" }, h("h3", {}, title), content);
}

function pretty(body) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The request as a command to paste into a terminal while Backlab serves it. */
export function curl(request) {
  const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
  const parts = ["curl", "-i"];
  if (request.method !== "GET") parts.push("-X", request.method);
  for (const [n, v] of request.headers) parts.push("-H", quote(`${n}: ${v}`));
  if (request.body) parts.push("--data-raw", quote(request.body));
  parts.push(quote(`http://localhost:3000${request.path}`));
  return parts.join(" ");
}

const REASONS = { 200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 415: "Unsupported Media Type", 422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error" };

function reason(status) {
  return REASONS[status] || "";
}
