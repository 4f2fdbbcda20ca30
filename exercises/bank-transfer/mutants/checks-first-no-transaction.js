// WRONG: no transaction at all: checks first, then three separate writes (a failure in the INSERT leaves the money moved but unrecorded)
app.post("/transfers", (req, res) => {
  const { from, to, amount } = req.body;
  if (!Number.isInteger(amount) || amount <= 0 || from === to) return res.status(400).json({ error: "bad" });
  const a = db.prepare("SELECT balance FROM accounts WHERE id = ?").get(from);
  const b = db.prepare("SELECT id FROM accounts WHERE id = ?").get(to);
  if (!a || !b) return res.status(404).json({ error: "no account" });
  if (a.balance < amount) return res.status(409).json({ error: "not enough" });
  db.prepare("UPDATE accounts SET balance = balance - ? WHERE id = ?").run(amount, from);
  db.prepare("UPDATE accounts SET balance = balance + ? WHERE id = ?").run(amount, to);
  const t = db.prepare("INSERT INTO transfers (from_id, to_id, amount) VALUES (?, ?, ?)").run(from, to, amount);
  res.status(201).json({ id: t.lastInsertRowid, from, to, amount });
});
