// WRONG: only accepts https:// (README allows http:// too); a missing url crashes with 500 instead of 400
app.put("/bookmarks/:name", (req, res) => {
  const { url } = req.body;
  if (!url.startsWith("https://")) return res.status(400).json({ error: "bad url" });
  const had = db.prepare("SELECT 1 FROM bookmarks WHERE name = ?").get(req.params.name);
  db.prepare("INSERT OR REPLACE INTO bookmarks (name, url) VALUES (?, ?)").run(req.params.name, url);
  res.status(had ? 200 : 201).json({ name: req.params.name, url });
});
app.get("/bookmarks/:name", (req, res) => {
  const b = db.prepare("SELECT name, url FROM bookmarks WHERE name = ?").get(req.params.name);
  if (!b) return res.status(404).json({ error: "nope" });
  res.json(b);
});
