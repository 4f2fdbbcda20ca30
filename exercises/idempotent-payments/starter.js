// POST /payments with an Idempotency-Key header: a retry must not pay twice.
app.post("/payments", (req, res) => {
  const { order_id, amount } = req.body;
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO payments (order_id, amount) VALUES (?, ?)")
    .run(order_id, amount);
  res.status(201).json({ id, order_id, amount });
});
