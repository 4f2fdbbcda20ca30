app.post("/signup", (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== "string" || username.trim() === "") {
    return res.status(400).json({ error: "choose a username" });
  }
  if (typeof password !== "string" || password.length < 15) {
    return res.status(400).json({ error: "a password needs at least 15 characters" });
  }
  if (db.prepare("SELECT 1 FROM users WHERE username = ?").get(username)) {
    return res.status(409).json({ error: "that username is taken" });
  }
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO users (username, password_hash) VALUES (?, ?)")
    .run(username, crypto.hashPassword(password));
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
