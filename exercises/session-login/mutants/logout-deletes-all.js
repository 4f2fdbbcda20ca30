// Logout deletes every user's sessions (DELETE FROM sessions with no WHERE), and never clears the cookie.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT * FROM users WHERE username = ?").get(username);
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  const token = crypto.randomToken();
  db.prepare("INSERT INTO sessions (token, user_id) VALUES (?, ?)").run(token, user.id);
  res.cookie("sid", token, { httpOnly: true, sameSite: "lax" });
  res.json({ username });
});
app.get("/me", (req, res) => {
  const row = db.prepare("SELECT u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?").get(req.cookies.sid ?? "");
  if (!row) return res.status(401).json({ error: "log in" });
  res.json({ username: row.username });
});
app.post("/logout", (req, res) => {
  db.prepare("DELETE FROM sessions").run();
  res.status(204).end();
});
