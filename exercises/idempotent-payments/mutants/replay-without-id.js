// A retry answers a new body without the payment's id instead of exactly the first answer.
const pay = db.transaction((key, request, orderId, amount) => {
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
    const { order_id, amount } = req.body;
    return res.status(seen.status).json({ order_id, amount });
  }
  const { order_id, amount } = req.body;
  res.status(201).type("application/json").send(pay(key, request, order_id, amount));
});
