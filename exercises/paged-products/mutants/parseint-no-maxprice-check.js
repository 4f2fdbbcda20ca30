// parseInt accepts "2.5" and "10abc"; max_price is never validated (max_price=abc or -1 gives 200).
app.get("/products", (req, res) => {
  const limit = req.query.limit === undefined ? 10 : parseInt(req.query.limit, 10);
  const offset = req.query.offset === undefined ? 0 : parseInt(req.query.offset, 10);
  if (isNaN(limit) || limit < 1 || isNaN(offset) || offset < 0) return res.status(400).json({ error: "bad limit or offset" });
  const where = [], params = [];
  if (req.query.category !== undefined) { where.push("category = ?"); params.push(req.query.category); }
  if (req.query.max_price !== undefined) { where.push("price <= ?"); params.push(req.query.max_price); }
  const w = where.length ? " WHERE " + where.join(" AND ") : "";
  const capped = Math.min(limit, 50);
  const items = db.prepare("SELECT * FROM products" + w + " ORDER BY id LIMIT ? OFFSET ?").all(...params, capped, offset);
  const total = db.prepare("SELECT count(*) AS n FROM products" + w).get(...params).n;
  res.json({ items, total, limit: capped, offset });
});
