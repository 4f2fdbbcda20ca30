// The columns every answer carries, in the order they are stored.
const COLUMNS = "id, slug, title, body, version, created_at";

// Given: read one page.
app.get("/pages/:id", (req, res) => {
  const page = db.prepare(`SELECT ${COLUMNS} FROM pages WHERE id = ?`).get(Number(req.params.id));
  if (!page) return res.status(404).json({ error: "there is no such page" });
  res.json(page);
});

// TODO: POST /pages creates a page: INSERT ... RETURNING, 201 with the stored row; 409 when the slug is taken.
app.post("/pages", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});

// TODO: PATCH /pages/:id changes the fields sent and adds 1 to version: UPDATE ... RETURNING; 404 for no such page.
app.patch("/pages/:id", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});

// TODO: PUT /pages/by-slug/:slug creates or replaces: INSERT ... ON CONFLICT (slug) DO UPDATE ... RETURNING; 201 or 200.
app.put("/pages/by-slug/:slug", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
