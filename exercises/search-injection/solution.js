app.get("/search", (req, res) => {
  const q = typeof req.query.q === "string" ? req.query.q : "";
  const rows = db
    .prepare("SELECT id, name, price FROM products WHERE hidden = 0 AND name LIKE ? ORDER BY id")
    .all(`%${q}%`);
  res.json(rows);
});
