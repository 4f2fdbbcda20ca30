// Locks out, but only after checking the password: a right guess still gets in.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(username);
  if (user && crypto.verifyPassword(password, user.password_hash)) {
    db.prepare("DELETE FROM login_failures WHERE username = ?").run(username);
    return res.json({ ok: true });
  }
  const { n } = db.prepare("SELECT count(*) AS n FROM login_failures WHERE username = ?").get(username);
  if (n >= 5) return res.status(429).set("Retry-After", "900").json({ error: "too many attempts" });
  db.prepare("INSERT INTO login_failures (username) VALUES (?)").run(username);
  res.status(401).json({ error: "wrong username or password" });
});
