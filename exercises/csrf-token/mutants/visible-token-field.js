// The token is in a visible text field, where the user sees it and can edit it.
app.use((req, res, next) => {
  const session = db.prepare("SELECT * FROM sessions WHERE token = ?").get(req.cookies.sid ?? "");
  if (!session) return res.status(401).json({ error: "log in first" });
  req.session = session;
  next();
});

function requireCsrf(req, res, next) {
  const sent = req.get("X-CSRF-Token") ?? req.body.csrf_token;
  if (typeof sent !== "string" || sent !== req.session.csrf_token) {
    return res.status(403).json({ error: "this form has expired or did not come from our site" });
  }
  next();
}

const escapeHtml = (text) =>
  String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

app.get("/settings", (req, res) => {
  const user = db.prepare("SELECT email FROM users WHERE id = ?").get(req.session.user_id);
  res.send(`<form method="POST" action="/settings/email">
  <input type="text" name="csrf_token" value="${escapeHtml(req.session.csrf_token)}">
  <input name="email" value="${escapeHtml(user.email)}">
  <button>Save</button>
</form>`);
});

app.post("/settings/email", requireCsrf, (req, res) => {
  db.prepare("UPDATE users SET email = ? WHERE id = ?").run(req.body.email, req.session.user_id);
  res.redirect(303, "/settings");
});
