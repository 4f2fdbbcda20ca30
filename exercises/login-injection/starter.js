// This login is open to SQL injection: the username is glued into the SQL.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db
    .prepare("SELECT * FROM users WHERE username = '" + username + "'")
    .get();
  if (!user || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  res.json({ ok: true, username: user.username });
});
