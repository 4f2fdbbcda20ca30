// Searches with LIKE, one pattern per word: "bread" matches "breadcrumbs", nothing is ranked, and every row is read.
app.get("/search", (req, res) => {
  const words = (typeof req.query.q === "string" ? req.query.q : "").split(/\s+/).filter(Boolean);
  if (words.length === 0) return res.status(400).json({ error: "type at least one word to search for" });
  const where = words.map(() => "(title LIKE ? OR body LIKE ?)").join(" AND ");
  const values = words.flatMap((word) => [`%${word}%`, `%${word}%`]);
  const rows = db
    .prepare(`SELECT id, title, substr(body, 1, 60) || '…' AS snippet FROM articles WHERE ${where} ORDER BY id LIMIT 10`)
    .all(...values);
  res.json(rows);
});
