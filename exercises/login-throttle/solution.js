const LIMIT = 5;

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const name = String(username);
  const { n } = db
    .prepare("SELECT count(*) AS n FROM login_failures WHERE username = ? AND at > datetime('now', '-15 minutes')")
    .get(name);
  if (n >= LIMIT) {
    return res.status(429).set("Retry-After", "900").json({ error: "too many failed attempts; try again in 15 minutes" });
  }
  const user = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(name);
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    db.prepare("INSERT INTO login_failures (username) VALUES (?)").run(name);
    return res.status(401).json({ error: "wrong username or password" });
  }
  db.prepare("DELETE FROM login_failures WHERE username = ?").run(name);
  res.json({ ok: true });
});
