// Accepts any token at all.
app.use((req, res, next) => {
  const session = db.prepare("SELECT * FROM sessions WHERE token = ?").get(req.cookies.sid ?? "");
  if (!session) return res.status(401).json({ error: "log in first" });
  req.session = session;
  next();
});
app.get("/settings", (req, res) => {
  res.send(`<form method="POST" action="/settings/email"><input type="hidden" name="csrf_token" value="${req.session.csrf_token}"><input name="email"></form>`);
});
app.post("/settings/email", (req, res) => {
  if (!req.body.csrf_token && !req.get("X-CSRF-Token")) return res.status(403).json({ error: "missing token" });
  db.prepare("UPDATE users SET email = ? WHERE id = ?").run(req.body.email, req.session.user_id);
  res.redirect(303, "/settings");
});
