// Runs differential cases in real Express 5 + better-sqlite3.
//
//   node express.mjs BUNDLE.json        (or "-" to read the bundle from stdin)
//
// BUNDLE.json is a JSON array of cases
//   {name, schema, program, requests: [{method, path, headers: {name: value}, body}]}
// and stdout gets ONE JSON array with a result per case, in order:
//   {name, error, responses: [{status, headers, body}], db: {table: [[quoted values]...]}}
// plus `uncaught: [messages]` when the case raised an exception nothing caught.
//
// What the runner fixes so that answers are stable and comparable (see README.md):
// - the app runs with app.set("env", "production"), so Express's default error
//   pages say "Internal Server Error" rather than print the stack trace;
// - app.listen(...) is a no-op that calls its callback (the runner listens itself);
// - a request without a Host header is sent with `Host: localhost`;
// - a request with a body gets a Content-Length (never chunked);
// - console output of the programs goes to stderr, never to stdout.
import http from "node:http";
import fs from "node:fs";
import util from "node:util";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const express = require("express");
const cookieParser = require("cookie-parser");
const Database = require("better-sqlite3");

const REQUEST_TIMEOUT_MS = 2000;
const DROPPED_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

// The programs' console goes to stderr, tagged with the running case.
let currentCase = "";
for (const level of ["log", "info", "debug", "warn", "error", "trace"]) {
  console[level] = (...args) => process.stderr.write(`[${currentCase}] ${level}: ${util.format(...args)}\n`);
}

// Whatever escapes a case (a throw in a timer, a rejected promise nobody
// awaits) is recorded on the running case instead of killing the runner.
let uncaught = [];
const recordUncaught = (kind) => (error) => {
  uncaught.push(kind + ": " + (error instanceof Error ? error.message : util.inspect(error)));
};
process.on("uncaughtException", recordUncaught("uncaughtException"));
process.on("unhandledRejection", recordUncaught("unhandledRejection"));

const message = (error) => (error instanceof Error ? error.message : String(error));
const quoteIdent = (name) => '"' + String(name).replace(/"/g, '""') + '"';

function dumpDatabase(db) {
  const out = {};
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all();
  for (const table of tables) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table);
    const select = `SELECT ${columns.map((c) => `quote(${quoteIdent(c)})`).join(", ")} FROM ${quoteIdent(table)}`;
    let rows;
    try {
      rows = db.prepare(select + " ORDER BY rowid").raw().all();
    } catch (_) {
      rows = db.prepare(select).raw().all(); // a WITHOUT ROWID table
    }
    out[table] = rows.map((row) => row.map(String));
  }
  return out;
}

function sendRequest(port, request) {
  return new Promise((resolve) => {
    const headers = Object.assign({}, request.headers || {});
    const has = (name) => Object.keys(headers).some((k) => k.toLowerCase() === name);
    const body = request.body == null ? "" : String(request.body);
    if (!has("host")) headers.Host = "localhost";
    if (body !== "" && !has("content-length") && !has("transfer-encoding")) {
      headers["Content-Length"] = String(Buffer.byteLength(body));
    }
    let settled = false;
    const finish = (response) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(response);
    };
    let req;
    try {
      req = http.request({ host: "127.0.0.1", port, method: request.method, path: request.path, headers, agent: false });
    } catch (error) {
      resolve({ status: 0, headers: {}, body: "error: " + message(error) });
      return;
    }
    const timer = setTimeout(() => {
      finish({ status: 0, headers: {}, body: "timeout" });
      req.destroy();
    }, REQUEST_TIMEOUT_MS);
    req.on("response", (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("error", (error) => finish({ status: 0, headers: {}, body: "error: " + message(error) }));
      res.on("end", () => {
        const out = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (!DROPPED_HEADERS.has(name)) out[name] = value;
        }
        finish({ status: res.statusCode, headers: out, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.on("error", (error) => finish({ status: 0, headers: {}, body: "error: " + message(error) }));
    req.end(body === "" ? undefined : body);
  });
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server.address().port));
  });
}

async function runCase(c) {
  currentCase = c.name;
  uncaught = [];
  const result = { name: c.name, error: null, responses: [], db: {} };
  let db = null;
  let server = null;
  try {
    db = new Database(":memory:");
    if (c.schema) {
      try {
        db.exec(c.schema);
      } catch (error) {
        result.error = "schema: " + message(error);
        return result;
      }
    }

    const app = express();
    app.set("env", "production");
    app.use(express.json());
    app.use(express.urlencoded({ extended: false }));
    app.use(cookieParser());
    app.listen = function (...args) {
      const callback = args.find((a) => typeof a === "function");
      if (callback) callback();
      return server;
    };

    try {
      new Function("app", "db", "express", "require", c.program || "")(app, db, express, require);
    } catch (error) {
      result.error = message(error);
    }

    if (result.error === null) {
      server = http.createServer(app);
      const port = await listen(server);
      for (const request of c.requests || []) {
        result.responses.push(await sendRequest(port, request));
      }
      // Let Express's deferred work (its error logging runs in setImmediate)
      // finish inside this case, so logs and uncaught errors land on it.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } catch (error) {
    result.error = result.error || "runner: " + message(error);
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    }
    if (db) {
      try {
        if (db.open) result.db = dumpDatabase(db);
      } catch (error) {
        result.db_error = message(error);
      }
      try { db.close(); } catch (_) { /* already closed */ }
    }
  }
  if (uncaught.length) result.uncaught = uncaught;
  return result;
}

async function main() {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: node express.mjs BUNDLE.json   (or - for stdin)\n");
    process.exit(2);
  }
  const cases = JSON.parse(fs.readFileSync(file === "-" ? 0 : file, "utf8"));
  const results = [];
  for (const c of cases) {
    try {
      results.push(await runCase(c));
    } catch (error) {
      results.push({ name: c && c.name, error: "runner: " + message(error), responses: [], db: {} });
    }
  }
  process.stdout.write(JSON.stringify(results, null, 1) + "\n", () => process.exit(0));
}

main();
