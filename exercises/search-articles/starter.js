// GET /search?q=...: today the blog searches with LIKE. Rewrite it with the articles_fts index (see the README).
app.get("/search", (req, res) => {
  const q = req.query.q ?? "";
  // TODO: a missing or blank q is a 400.
  // TODO: quote every word of q for FTS5 ("" for a " inside it) and bind the result to MATCH.
  // TODO: best match first (ORDER BY rank), at most 10, each with a snippet of the body.
  const rows = db
    .prepare("SELECT id, title FROM articles WHERE title LIKE ? OR body LIKE ? ORDER BY id")
    .all(`%${q}%`, `%${q}%`);
  res.json(rows);
});
