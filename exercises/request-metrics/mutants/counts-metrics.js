// Puts the recorder before GET /metrics: every look at the numbers is counted as traffic.
// Every other request: note when it arrived, and write one row when its
// answer goes out, with the real status and the time it took. Each request
// starts the program afresh, so the numbers live in a table.
app.use((req, res, next) => {
  const started = Date.now();
  const end = res.end;
  res.end = (...args) => {
    const durationMs = Date.now() - started;
    db.prepare("INSERT INTO request_metrics (route, status, duration_ms) VALUES (?, ?, ?)")
      .run(res.locals.route ?? "unmatched", res.statusCode, durationMs);
    return end.call(res, ...args);
  };
  next();
});

// SQL does the counting, per route.
app.get("/metrics", (req, res) => {
  const rows = db
    .prepare(
      `SELECT route,
              COUNT(*) AS count,
              SUM(status >= 500) AS errors,
              SUM(duration_ms <= 100) AS le_100,
              SUM(duration_ms > 100 AND duration_ms <= 500) AS le_500,
              SUM(duration_ms > 500) AS gt_500
       FROM request_metrics
       GROUP BY route
       ORDER BY route`,
    )
    .all();
  res.json({
    routes: rows.map((row) => ({
      route: row.route,
      count: row.count,
      errors: row.errors,
      durations: { le_100: row.le_100, le_500: row.le_500, gt_500: row.gt_500 },
    })),
  });
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
