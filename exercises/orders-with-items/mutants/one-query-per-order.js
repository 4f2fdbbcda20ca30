// Asks for each order's items in a loop: right answers, but 1 + N queries (the N+1 problem).
app.get("/orders", (req, res) => {
  const customer = req.query.customer;
  if (typeof customer !== "string") return res.status(400).json({ error: "customer is required" });
  const rows = db
    .prepare(
      `SELECT o.id, o.placed_at FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
        WHERE c.id = ? ORDER BY o.placed_at DESC, o.id DESC`,
    )
    .all(customer);
  if (rows.length === 0) return res.status(404).json({ error: "there is no such customer" });
  const itemsOf = db.prepare("SELECT name, quantity, price_cents FROM order_items WHERE order_id = ? ORDER BY id");
  const orders = rows
    .filter((row) => row.id !== null)
    .map((row) => {
      const items = itemsOf.all(row.id);
      const total_cents = items.reduce((sum, item) => sum + item.quantity * item.price_cents, 0);
      return { id: row.id, placed_at: row.placed_at, total_cents, items };
    });
  res.json(orders);
});
