// Writes the Set-Cookie header by hand without encoding the value: the space in "Ada Lovelace" breaks the cookie.
// A farm shop's pick-up orders, written from the curl transcript in the README.
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

// Query strings and forms carry text. "12" is a whole number; "", "2.5", "-1",
// "cheap", a missing value or a repeated one (a list) are not: they give NaN.
function wholeNumber(value) {
  const text = String(value ?? "");
  return /^[0-9]+$/.test(text) ? Number(text) : NaN;
}

const ORDER_SQL = `
  SELECT o.id, p.name AS product, o.quantity, o.name, o.quantity * p.price_cents AS total_cents
  FROM orders AS o JOIN products AS p ON p.id = o.product_id
  WHERE o.id = ?`;

app.get("/products", (req, res) => {
  if (req.query.max_price === undefined) {
    return res.json(db.prepare("SELECT id, name, price_cents FROM products ORDER BY price_cents, name").all());
  }
  const maxPrice = wholeNumber(req.query.max_price);
  if (Number.isNaN(maxPrice)) {
    return res.status(400).json({ error: "max_price must be a whole number of cents" });
  }
  const products = db
    .prepare("SELECT id, name, price_cents FROM products WHERE price_cents <= ? ORDER BY price_cents, name")
    .all(maxPrice);
  res.json(products);
});

app.post("/orders", (req, res) => {
  // curl -d sends a form: every value arrives as text.
  const { product_id, quantity, name } = req.body;
  const productId = wholeNumber(product_id);
  const product = Number.isNaN(productId)
    ? undefined
    : db.prepare("SELECT id FROM products WHERE id = ?").get(productId);
  if (!product) {
    return res.status(400).json({ error: "product_id must be the id of one of our products" });
  }
  const count = wholeNumber(quantity);
  if (!(count >= 1 && count <= 12)) {
    return res.status(400).json({ error: "quantity must be a whole number from 1 to 12" });
  }
  if (typeof name !== "string" || name.trim() === "") {
    return res.status(400).json({ error: "name is required" });
  }
  const { lastInsertRowid } = db
    .prepare("INSERT INTO orders (product_id, quantity, name) VALUES (?, ?, ?)")
    .run(product.id, count, name);
  const order = db.prepare(ORDER_SQL).get(lastInsertRowid);
  res.location(`/orders/${order.id}`);
  res.set("Set-Cookie", `pickup_name=${name}; Max-Age=${THIRTY_DAYS_MS / 1000}; Path=/`);
  res.status(201).json(order);
});

app.get("/orders/:id", (req, res) => {
  const order = db.prepare(ORDER_SQL).get(req.params.id);
  if (!order) return res.status(404).json({ error: "there is no such order" });
  res.json(order);
});

app.delete("/orders/:id", (req, res) => {
  const { changes } = db.prepare("DELETE FROM orders WHERE id = ?").run(req.params.id);
  if (changes === 0) return res.status(404).json({ error: "there is no such order" });
  res.status(204).end();
});
