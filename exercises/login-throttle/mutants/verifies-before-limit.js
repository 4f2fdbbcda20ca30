// Checks the password before the limit (then still answers 429), so a locked account still costs an argon2 check per guess.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(username);
  const ok = !!user && typeof password === "string" && crypto.verifyPassword(password, user.password_hash);
  const { n } = db.prepare("SELECT count(*) AS n FROM login_failures WHERE username = ?").get(username);
  if (n >= 5) return res.status(429).set("Retry-After", "900").json({ error: "too many attempts" });
  if (ok) {
    db.prepare("DELETE FROM login_failures WHERE username = ?").run(username);
    return res.json({ ok: true });
  }
  db.prepare("INSERT INTO login_failures (username) VALUES (?)").run(username);
  res.status(401).json({ error: "wrong username or password" });
});
