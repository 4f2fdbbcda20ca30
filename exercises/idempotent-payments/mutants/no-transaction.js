// The payment and the idempotency row are written separately: if the second write fails, the payment is kept without its key.
const pay = ((key, request, orderId, amount) => {
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO payments (order_id, amount) VALUES (?, ?)")
    .run(orderId, amount);
  const body = JSON.stringify({ id, order_id: orderId, amount });
  db.prepare("INSERT INTO idempotency (key, request, status, body) VALUES (?, ?, 201, ?)").run(
    key,
    request,
    body,
  );
  return body;
});

app.post("/payments", (req, res) => {
  const key = req.get("Idempotency-Key");
  if (!key) {
    return res.status(400).json({ error: "send an Idempotency-Key header with every payment" });
  }
  const request = JSON.stringify(req.body);
  const seen = db.prepare("SELECT request, status, body FROM idempotency WHERE key = ?").get(key);
  if (seen) {
    if (seen.request !== request) {
      return res.status(422).json({ error: "this Idempotency-Key was used for another request" });
    }
    return res.status(seen.status).type("application/json").send(seen.body);
  }
  const { order_id, amount } = req.body;
  res.status(201).type("application/json").send(pay(key, request, order_id, amount));
});
