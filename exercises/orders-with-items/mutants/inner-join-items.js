// Joins orders to their items with an inner JOIN: an order with no items has no row, so it vanishes from the list.
app.get("/orders", (req, res) => {
  const customer = req.query.customer;
  if (typeof customer !== "string") return res.status(400).json({ error: "customer is required" });
  if (!db.prepare("SELECT 1 FROM customers WHERE id = ?").get(customer)) {
    return res.status(404).json({ error: "there is no such customer" });
  }
  const rows = db
    .prepare(
      `SELECT o.id, o.placed_at, i.name, i.quantity, i.price_cents
         FROM orders o JOIN order_items i ON i.order_id = o.id
        WHERE o.customer_id = ?
        ORDER BY o.placed_at DESC, o.id DESC, i.id`,
    )
    .all(customer);
  const orders = [];
  for (const row of rows) {
    let order = orders[orders.length - 1];
    if (!order || order.id !== row.id) {
      order = { id: row.id, placed_at: row.placed_at, total_cents: 0, items: [] };
      orders.push(order);
    }
    order.items.push({ name: row.name, quantity: row.quantity, price_cents: row.price_cents });
    order.total_cents += row.quantity * row.price_cents;
  }
  res.json(orders);
});
