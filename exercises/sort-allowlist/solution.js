const COLUMNS = { name: "name", score: "score", joined: "joined" };
const DIRECTIONS = { asc: "ASC", desc: "DESC" };

app.get("/players", (req, res) => {
  const sort = req.query.sort ?? "name";
  const dir = req.query.dir ?? "asc";
  if (!Object.hasOwn(COLUMNS, sort) || !Object.hasOwn(DIRECTIONS, dir)) {
    return res.status(400).json({
      error: `sort by ${Object.keys(COLUMNS).join(", ")}, in the direction asc or desc`,
    });
  }
  const rows = db
    .prepare(`SELECT id, name, score, joined FROM players ORDER BY ${COLUMNS[sort]} ${DIRECTIONS[dir]}, id`)
    .all();
  res.json(rows);
});
