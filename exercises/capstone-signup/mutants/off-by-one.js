// WRONG: refuses a password of exactly 10 characters (<= 10), and a missing password crashes (500) instead of 400
app.post("/signup", (req, res) => {
  const email = String(req.body.email || "").trim().toLowerCase();
  if (!email.includes("@") || req.body.password.length <= 10) return res.status(400).json({ error: "bad" });
  if (db.prepare("SELECT 1 FROM users WHERE email = ?").get(email)) return res.status(409).json({ error: "taken" });
  const r = db.prepare("INSERT INTO users (email, password_hash) VALUES (?, ?)").run(email, crypto.hashPassword(req.body.password));
  res.status(201).json({ id: r.lastInsertRowid, email });
});
