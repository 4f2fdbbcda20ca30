class TransferError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const transfer = db.transaction((from, to, amount) => {
  const source = db.prepare("SELECT balance FROM accounts WHERE id = ?").get(from);
  const target = db.prepare("SELECT id FROM accounts WHERE id = ?").get(to);
  if (!source || !target) {
    throw new TransferError(404, `there is no account ${!source ? from : to}`);
  }
  if (source.balance < amount) {
    throw new TransferError(409, "not enough money in the account");
  }
  db.prepare("UPDATE accounts SET balance = balance - ? WHERE id = ?").run(amount, from);
  db.prepare("UPDATE accounts SET balance = balance + ? WHERE id = ?").run(amount, to);
  return db
    .prepare("INSERT INTO transfers (from_id, to_id, amount) VALUES (?, ?, ?)")
    .run(from, to, amount).lastInsertRowid;
});

app.post("/transfers", (req, res) => {
  const { from, to, amount } = req.body;
  if (![from, to, amount].every(Number.isInteger) || amount <= 0 || from === to) {
    return res.status(400).json({ error: "send whole numbers from, to and amount (above 0), with from and to different" });
  }
  try {
    const id = transfer(from, to, amount);
    res.status(201).json({ id, from, to, amount });
  } catch (error) {
    if (!(error instanceof TransferError)) throw error;
    res.status(error.status).json({ error: error.message });
  }
});
