// WRONG: accepts amount 0 and fractions (only checks typeof number and amount < 0); a missing `from` account answers 409 instead of 404
app.post("/transfers", (req, res) => {
  const { from, to, amount } = req.body;
  if (typeof amount !== "number" || amount < 0 || from === to) return res.status(400).json({ error: "bad" });
  const run = db.transaction(() => {
    if (!db.prepare("SELECT id FROM accounts WHERE id = ?").get(to)) return [404, { error: "no such account" }];
    const r = db.prepare("UPDATE accounts SET balance = balance - ? WHERE id = ? AND balance >= ?").run(amount, from, amount);
    if (r.changes === 0) return [409, { error: "not enough money" }];
    db.prepare("UPDATE accounts SET balance = balance + ? WHERE id = ?").run(amount, to);
    const t = db.prepare("INSERT INTO transfers (from_id, to_id, amount) VALUES (?, ?, ?)").run(from, to, amount);
    return [201, { id: t.lastInsertRowid, from, to, amount }];
  });
  const [status, body] = run();
  res.status(status).json(body);
});
