app.post("/login", (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== "string" || typeof password !== "string") {
    return res.status(400).json({ error: "send a username and a password, both strings" });
  }
  const user = db
    .prepare("SELECT id, username, password_hash FROM users WHERE username = ?")
    .get(username);
  if (!user || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  res.json({ ok: true, username: user.username });
});
