// Known bad: finds the user safely, but never checks the password.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== "string" || typeof password !== "string") {
    return res.status(400).json({ error: "send a username and a password" });
  }
  const user = db.prepare("SELECT * FROM users WHERE username = ?").get(username);
  if (!user) return res.status(401).json({ error: "wrong username or password" });
  res.json({ ok: true, username: user.username });
});
