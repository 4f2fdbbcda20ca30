// The same steps without a transaction: when the credit or the record fails, the money has already left the first account.
class TransferError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const findAccount = db.prepare("SELECT id, owner, balance_cents FROM accounts WHERE id = ?");

// One statement checks both rules and takes the money: it changes the row
// only if the balance covers the amount and today's transfers out of this
// account, plus this one, stay within its daily limit.
const debit = db.prepare(`
  UPDATE accounts SET balance_cents = balance_cents - :amount
  WHERE id = :from
    AND balance_cents >= :amount
    AND :amount + (SELECT coalesce(sum(amount_cents), 0) FROM transfers
                   WHERE from_id = :from AND created_at >= :dayStart) <= daily_limit_cents`);
const credit = db.prepare("UPDATE accounts SET balance_cents = balance_cents + ? WHERE id = ?");
const record = db.prepare("INSERT INTO transfers (from_id, to_id, amount_cents, created_at) VALUES (?, ?, ?, ?)");

const transfer = (from, to, amount) => {
  const source = findAccount.get(from);
  const target = findAccount.get(to);
  if (!source || !target) {
    throw new TransferError(404, "account_not_found", `there is no account ${source ? to : from}`);
  }
  if (source.owner !== target.owner) {
    throw new TransferError(403, "different_owners", "both accounts must belong to the same owner");
  }
  const now = new Date().toISOString();
  const dayStart = `${now.slice(0, 10)}T00:00:00.000Z`; // midnight UTC today
  if (debit.run({ amount, from, dayStart }).changes !== 1) {
    // Nothing was taken: say which rule refused it.
    if (source.balance_cents < amount) {
      throw new TransferError(409, "insufficient_funds", "the account does not hold that much");
    }
    throw new TransferError(409, "daily_limit_exceeded", "this would pass the account's daily limit");
  }
  credit.run(amount, to);
  const { lastInsertRowid } = record.run(from, to, amount, now);
  return { id: Number(lastInsertRowid), from, to, amount, created_at: now };
};

app.post("/transfers", (req, res) => {
  const { from, to, amount } = req.body;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from === to) {
    return res.status(400).json({ code: "invalid_accounts", error: "from and to must be two different account ids" });
  }
  if (!Number.isInteger(amount) || amount < 1) {
    return res.status(400).json({ code: "invalid_amount", error: "amount must be a whole number of cents, at least 1" });
  }
  try {
    // IMMEDIATE: take SQLite's write lock before the first read.
    res.status(201).json(transfer(from, to, amount));
  } catch (error) {
    if (!(error instanceof TransferError)) throw error;
    res.status(error.status).json({ code: error.code, error: error.message });
  }
});
