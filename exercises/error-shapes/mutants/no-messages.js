// WRONG: the no_route, conflict and internal errors have no "message" field at all ({"error": {"code": ...}})
app.get("/orders/:id", (req, res) => {
  const o = db.prepare("SELECT * FROM orders WHERE id = ?").get(Number(req.params.id));
  if (!o) return res.status(404).json({ error: { code: "not_found", message: "no order" } });
  res.json(o);
});
app.post("/orders/:id/cancel", (req, res) => {
  const o = db.prepare("SELECT * FROM orders WHERE id = ?").get(Number(req.params.id));
  if (!o) return res.status(404).json({ error: { code: "not_found", message: "no order" } });
  if (o.status === "paid") return res.status(409).json({ error: { code: "conflict" } });
  db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(o.id);
  res.json({ ...o, status: "cancelled" });
});
app.get("/orders/:id/explode", (req, res) => { throw new Error("database password is hunter2"); });
app.use((err, req, res, next) => res.status(500).json({ error: { code: "internal" } }));
app.use((req, res) => res.status(404).json({ error: { code: "no_route" } }));
