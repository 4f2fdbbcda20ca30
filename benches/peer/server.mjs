// The peer Backlab is measured against: one warm Express 5 + better-sqlite3
// server, the way a back end runs without isolation, answering the same
// handler as benches/peer.rs on the same data. It uses the packages the
// differential tests install (tests/differential/node_modules), prints its
// port, and serves until its stdin closes.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../tests/differential/package.json"));
const express = require("express");
const Database = require("better-sqlite3");

const [schema, seed, handler] = JSON.parse(process.argv[2]);
const db = new Database(":memory:");
db.exec(schema);
db.exec(seed);
const app = express();
app.set("etag", "weak");
new Function("app", "db", handler)(app, db);

const server = app.listen(0, "127.0.0.1", () => {
  console.log(server.address().port);
});
server.keepAliveTimeout = 60000;
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
