// The cookie holds the username: edit it and you are someone else.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT * FROM users WHERE username = ?").get(username);
  if (!user || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  db.prepare("INSERT INTO sessions (token, user_id) VALUES (?, ?)").run(username, user.id);
  res.cookie("sid", username, { httpOnly: true, sameSite: "lax", path: "/" });
  res.json({ username });
});

app.get("/me", (req, res) => {
  const user = db.prepare("SELECT username FROM users WHERE username = ?").get(req.cookies.sid);
  if (!user) return res.status(401).json({ error: "log in first" });
  res.json({ username: user.username });
});

app.post("/logout", (req, res) => {
  db.prepare("DELETE FROM sessions WHERE token = ?").run(req.cookies.sid ?? "");
  res.clearCookie("sid");
  res.status(204).end();
});
