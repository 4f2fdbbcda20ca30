// TODO: GET /metrics: {"routes": [{ route, count, errors, durations:
// { le_100, le_500, gt_500 } }, ...]}, counted from request_metrics and
// sorted by route. It must not be recorded itself.

// TODO: a middleware, before the routes below, that reads Date.now() when a
// request arrives and, when the answer goes out, adds one row to
// request_metrics: the route (res.locals.route, or "unmatched"), the status
// that was sent, and the duration in milliseconds.

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
