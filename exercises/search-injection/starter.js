// Search by name with a placeholder: the text must never become part of the SQL.
app.get("/search", (req, res) => {
  const q = req.query.q ?? "";
  const rows = db
    .prepare(`SELECT id, name, price FROM products WHERE hidden = 0 AND name LIKE '%${q}%' ORDER BY id`)
    .all();
  res.json(rows);
});
