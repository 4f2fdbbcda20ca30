// Stores the password as typed.
app.post("/signup", (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== "string" || username.trim() === "") return res.status(400).json({ error: "username" });
  if (typeof password !== "string" || password.length < 15) return res.status(400).json({ error: "too short" });
  if (db.prepare("SELECT 1 FROM users WHERE username = ?").get(username)) return res.status(409).json({ error: "taken" });
  const { lastInsertRowid: id } = db.prepare("INSERT INTO users (username, password_hash) VALUES (?, ?)").run(username, password);
  res.status(201).json({ id, username });
});

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(username);
  if (!user || user.password_hash !== password) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  res.json({ ok: true });
});
