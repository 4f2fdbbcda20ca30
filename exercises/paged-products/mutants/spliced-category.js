// Splices the category into the SQL.
const MAX_LIMIT = 50;

function wholeNumber(text, fallback, smallest) {
  if (text === undefined) return fallback;
  const n = Number(text);
  return text !== "" && Number.isInteger(n) && n >= smallest ? n : null;
}

app.get("/products", (req, res) => {
  const limit = wholeNumber(req.query.limit, 10, 1);
  const offset = wholeNumber(req.query.offset, 0, 0);
  const maxPrice = wholeNumber(req.query.max_price, undefined, 0);
  if (limit === null || offset === null || maxPrice === null) {
    return res.status(400).json({ error: "limit, offset and max_price are whole numbers (limit from 1)" });
  }
  const where = [];
  const values = [];
  if (req.query.category !== undefined) {
    where.push(`category = '${req.query.category}'`);
  }
  if (maxPrice !== undefined) {
    where.push("price <= ?");
    values.push(maxPrice);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const pageSize = Math.min(limit, MAX_LIMIT);
  const items = db
    .prepare(`SELECT id, name, category, price FROM products ${clause} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...values, pageSize, offset);
  const { total } = db.prepare(`SELECT count(*) AS total FROM products ${clause}`).get(...values);
  res.json({ items, total, limit: pageSize, offset });
});
