// Forgets ORDER BY id: the products come in whatever order SQLite reads them.
app.get("/search", (req, res) => {
  const q = typeof req.query.q === "string" ? req.query.q : "";
  const rows = db
    .prepare("SELECT id, name, price FROM products WHERE hidden = 0 AND name LIKE ?")
    .all(`%${q}%`);
  res.json(rows);
});
