// kind is applied after the page is cut, so a filtered page holds only the matches that fell on the unfiltered page
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

// "12" → 12; nothing → the fallback; anything else ("-1", "2.5", "ten", "") → null.
function wholeNumber(text, fallback) {
  if (text === undefined) return fallback;
  return typeof text === "string" && /^\d+$/.test(text) ? Number(text) : null;
}

app.get("/products", (req, res) => {
  const limit = wholeNumber(req.query.limit, DEFAULT_LIMIT);
  const offset = wholeNumber(req.query.offset, 0);
  const kind = req.query.kind;
  if (limit === null || limit < 1 || offset === null) {
    return res.status(400).json({ error: "limit must be a whole number from 1, offset a whole number from 0" });
  }
  if (kind !== undefined && typeof kind !== "string") {
    return res.status(400).json({ error: "give kind once" });
  }

  const size = Math.min(limit, MAX_LIMIT);
  const where = kind === undefined ? "" : "WHERE kind = ?";
  const filters = kind === undefined ? [] : [kind];
  // The same filter for the page and for the total; the name breaks ties in price.
  const items = db
    .prepare("SELECT id, name, kind, price FROM products ORDER BY price, name LIMIT ? OFFSET ?")
    .all(size, offset)
    .filter((product) => kind === undefined || product.kind === kind);
  const { total } = db.prepare(`SELECT count(*) AS total FROM products ${where}`).get(...filters);

  const nextOffset = offset + size < total ? offset + size : null;
  res.json({ items, total, limit: size, offset, next_offset: nextOffset });
});
