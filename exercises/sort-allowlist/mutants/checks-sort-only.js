// Allow-lists the column but glues the direction in as sent.
app.get("/players", (req, res) => {
  const sort = req.query.sort ?? "name";
  if (!["name", "score", "joined"].includes(sort)) return res.status(400).json({ error: "bad sort" });
  const dir = req.query.dir ?? "asc";
  res.json(db.prepare(`SELECT id, name, score, joined FROM players ORDER BY ${sort} ${dir}`).all());
});
