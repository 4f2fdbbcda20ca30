// GET /settings puts the session's CSRF token in the form; POST /settings/email checks it.
app.use((req, res, next) => {
  const session = db.prepare("SELECT * FROM sessions WHERE token = ?").get(req.cookies.sid ?? "");
  if (!session) return res.status(401).json({ error: "log in first" });
  req.session = session;
  next();
});

app.get("/settings", (req, res) => {
  const user = db.prepare("SELECT email FROM users WHERE id = ?").get(req.session.user_id);
  res.send(`<form method="POST" action="/settings/email">
  <input name="email" value="${user.email}">
  <button>Save</button>
</form>`);
});

app.post("/settings/email", (req, res) => {
  db.prepare("UPDATE users SET email = ? WHERE id = ?").run(req.body.email, req.session.user_id);
  res.redirect(303, "/settings");
});
