// WRONG: only a missing password is a 400; a missing or non-string username is looked up anyway and answers 401
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  if (typeof password !== "string") return res.status(400).json({ error: "password is missing" });
  const user = db.prepare("SELECT * FROM users WHERE username = ?").get(username);
  if (!user || !crypto.verifyPassword(password, user.password_hash)) return res.status(401).json({ error: "wrong username or password" });
  res.json({ ok: true, username: user.username });
});
