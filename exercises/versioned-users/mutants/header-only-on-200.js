// The Deprecation header is set only on a successful v1 answer; v1 404s go out without it.
app.get("/v1/users/:id", (req, res) => {
  const user = db.prepare("SELECT * FROM users WHERE id = ?").get(Number(req.params.id));
  if (!user) return res.status(404).json({ error: "no such user" });
  res.set("Deprecation", "@1767225600");
  res.set("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT");
  res.json({ id: user.id, name: `${user.first_name} ${user.last_name}`, email: user.email });
});
app.get("/v2/users/:id", (req, res) => {
  const user = db.prepare("SELECT * FROM users WHERE id = ?").get(Number(req.params.id));
  if (!user) return res.status(404).json({ error: "no such user" });
  res.json({ id: user.id, first_name: user.first_name, last_name: user.last_name, email: user.email });
});
