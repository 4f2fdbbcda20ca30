// Make every error {"error": {"code", "message"}}: not_found, conflict, no_route, internal.
app.get("/orders/:id", (req, res) => {
  const order = db.prepare("SELECT * FROM orders WHERE id = ?").get(Number(req.params.id));
  if (!order) return res.status(404).send("Not found");
  res.json(order);
});

app.post("/orders/:id/cancel", (req, res) => {
  const order = db.prepare("SELECT * FROM orders WHERE id = ?").get(Number(req.params.id));
  if (!order) return res.status(404).json({ message: "no order" });
  if (order.status === "paid") return res.status(400).json({ problem: "already paid" });
  db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(order.id);
  res.json({ ...order, status: "cancelled" });
});

app.get("/orders/:id/explode", (req, res) => {
  throw new Error("database password is hunter2");
});
