// Stores the password as typed.
app.post("/signup", (req, res) => {
  const { email, password } = req.body;
  if (typeof email !== "string" || !email.includes("@")) {
    return res.status(400).json({ error: "send an email address" });
  }
  if (typeof password !== "string" || password.length < 10) {
    return res.status(400).json({ error: "a password needs at least 10 characters" });
  }
  const clean = email.trim().toLowerCase();
  if (db.prepare("SELECT 1 FROM users WHERE email = ?").get(clean)) {
    return res.status(409).json({ error: "there is already an account for this email" });
  }
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO users (email, password_hash) VALUES (?, ?)")
    .run(clean, password);
  res.status(201).json({ id, email: clean });
});
