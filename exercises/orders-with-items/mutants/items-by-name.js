// Sorts each order's items by name instead of the order they were added in.
const ordersOf = db.prepare(`
  SELECT o.id, o.placed_at
    FROM customers c
    LEFT JOIN orders o ON o.customer_id = c.id
   WHERE c.id = ?
   ORDER BY o.placed_at DESC, o.id DESC`);

app.get("/orders", (req, res) => {
  const customer = req.query.customer;
  if (typeof customer !== "string") return res.status(400).json({ error: "customer is required" });
  const rows = ordersOf.all(customer);
  if (rows.length === 0) return res.status(404).json({ error: "there is no such customer" });
  const orders = rows
    .filter((row) => row.id !== null)
    .map((row) => ({ id: row.id, placed_at: row.placed_at, total_cents: 0, items: [] }));
  if (orders.length === 0) return res.json([]);
  const byId = new Map(orders.map((order) => [order.id, order]));
  const items = db
    .prepare(`SELECT order_id, name, quantity, price_cents FROM order_items WHERE order_id IN (${orders.map(() => "?").join(", ")}) ORDER BY name`)
    .all(...byId.keys());
  for (const item of items) {
    const order = byId.get(item.order_id);
    order.items.push({ name: item.name, quantity: item.quantity, price_cents: item.price_cents });
    order.total_cents += item.quantity * item.price_cents;
  }
  res.json(orders);
});
