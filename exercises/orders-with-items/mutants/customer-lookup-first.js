// Looks the customer up in a query of its own before the orders and the items: 3 queries, one over the budget.
app.get("/orders", (req, res) => {
  const customer = req.query.customer;
  if (typeof customer !== "string") return res.status(400).json({ error: "customer is required" });
  if (!db.prepare("SELECT id FROM customers WHERE id = ?").get(customer)) {
    return res.status(404).json({ error: "there is no such customer" });
  }
  const orders = db
    .prepare("SELECT id, placed_at FROM orders WHERE customer_id = ? ORDER BY placed_at DESC, id DESC")
    .all(customer)
    .map((row) => ({ ...row, total_cents: 0, items: [] }));
  if (orders.length === 0) return res.json([]);
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
