// Queues the email before the order, outside a transaction: a refused order still gets an email.
app.post("/orders", (req, res) => {
  const { customer, item, quantity } = req.body;
  if (typeof customer !== "string" || !customer.includes("@")) {
    return res.status(400).json({ error: "customer must be an email address" });
  }
  const next = db.prepare("SELECT coalesce(max(id), 0) + 1 AS id FROM orders").get().id;
  db.prepare("INSERT INTO outbox (kind, recipient, payload) VALUES ('email', ?, ?)").run(
    customer,
    JSON.stringify({ template: "order_confirmation", order_id: next }),
  );
  try {
    db.prepare("INSERT INTO orders (customer, item, quantity) VALUES (?, ?, ?)").run(customer, item, quantity);
  } catch (error) {
    return res.status(400).json({ error: error.message });
  }
  res.status(201).json({ id: next, customer, item, quantity });
});
