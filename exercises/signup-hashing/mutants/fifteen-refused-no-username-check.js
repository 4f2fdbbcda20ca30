// Refuses a 15-character password (<= 15 instead of < 15) and never checks the username (missing one → 500 from NOT NULL).
app.post("/signup", (req, res) => {
  const { username, password } = req.body;
  if (typeof password !== "string" || password.length <= 15) return res.status(400).json({ error: "password too short" });
  if (db.prepare("SELECT 1 FROM users WHERE username = ?").get(username)) return res.status(409).json({ error: "taken" });
  const { lastInsertRowid: id } = db.prepare("INSERT INTO users (username, password_hash) VALUES (?, ?)").run(username, crypto.hashPassword(password));
  res.status(201).json({ id, username });
});
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(username);
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  res.json({ ok: true });
});
