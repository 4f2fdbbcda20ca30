// Two separate inserts with no transaction: if the outbox insert fails, the order stays without its email.
app.post("/orders", (req, res) => {
  const { customer, item, quantity } = req.body;
  if (typeof customer !== "string" || !customer.includes("@")) return res.status(400).json({ error: "bad customer" });
  let id;
  try {
    id = db.prepare("INSERT INTO orders (customer, item, quantity) VALUES (?, ?, ?)").run(customer, item, quantity).lastInsertRowid;
  } catch (e) {
    return res.status(400).json({ error: e.message });
  }
  db.prepare("INSERT INTO outbox (kind, recipient, payload) VALUES ('email', ?, ?)")
    .run(customer, JSON.stringify({ template: "order_confirmation", order_id: id }));
  res.status(201).json({ id, customer, item, quantity });
});
