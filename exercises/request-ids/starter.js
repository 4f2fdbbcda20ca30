// TODO: a middleware, before the routes, that picks this request's id (the incoming
// X-Request-Id when it matches /^[A-Za-z0-9-]{1,64}$/, else crypto.randomUUID()),
// keeps it in res.locals.requestId and sets the X-Request-Id response header.

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

// TODO: an error handler (four arguments) after the routes:
// NotFound -> 404, an error with a status from 400 to 499 -> that status,
// anything else -> log it, write it to error_log, and answer 500 {"error": "internal error", "request_id": ...}.
