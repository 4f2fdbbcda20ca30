// Keep GET /v1/users/:id working (marked as deprecated) and add GET /v2/users/:id.
app.get("/v1/users/:id", (req, res) => {
  const user = db.prepare("SELECT * FROM users WHERE id = ?").get(Number(req.params.id));
  if (!user) return res.status(404).json({ error: "no such user" });
  res.json({ id: user.id, name: `${user.first_name} ${user.last_name}`, email: user.email });
});
