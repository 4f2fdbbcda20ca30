// Pastes the kind and the id into the SQL text instead of passing them as parameters.
const KINDS = ["rocky", "gas giant", "ice giant"];
const COLUMNS = "id, name, kind, radius_km, distance_au";

// GET /planets, or GET /planets?kind=rocky: nearest to the Sun first.
app.get("/planets", (req, res) => {
  const { kind } = req.query;
  if (kind === undefined) {
    const planets = db.prepare(`SELECT ${COLUMNS} FROM planets ORDER BY distance_au`).all();
    return res.json(planets);
  }
  // Also refuses "", "Rocky" and a repeated kind (an array).
  if (!KINDS.includes(kind)) {
    return res.status(400).json({ error: `kind must be one of: ${KINDS.join(", ")}` });
  }
  const planets = db
    .prepare(`SELECT ${COLUMNS} FROM planets WHERE kind = '${kind}' ORDER BY distance_au`)
    .all();
  res.json(planets);
});

// GET /planets/3: one planet, or 404.
app.get("/planets/:id", (req, res) => {
  const { id } = req.params;
  if (!/^[0-9]+$/.test(id)) {
    return res.status(400).json({ error: "the id must be a whole number, like /planets/3" });
  }
  const planet = db.prepare(`SELECT ${COLUMNS} FROM planets WHERE id = ${id}`).get();
  if (!planet) return res.status(404).json({ error: `there is no planet with id ${id}` });
  res.json(planet);
});
