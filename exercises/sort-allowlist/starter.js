// Only allow-listed columns and directions may reach ORDER BY.
app.get("/players", (req, res) => {
  const sort = req.query.sort ?? "name";
  const dir = req.query.dir ?? "asc";
  res.json(db.prepare(`SELECT id, name, score, joined FROM players ORDER BY ${sort} ${dir}`).all());
});
