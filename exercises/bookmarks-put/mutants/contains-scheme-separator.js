// WRONG: accepts any URL containing "://", e.g. "javascript://%0aalert(1)" or "ftp://x"
app.put("/bookmarks/:name", (req, res) => {
  const { url } = req.body;
  if (typeof url !== "string" || !url.includes("://")) return res.status(400).json({ error: "bad url" });
  const had = db.prepare("SELECT 1 FROM bookmarks WHERE name = ?").get(req.params.name);
  db.prepare("INSERT OR REPLACE INTO bookmarks (name, url) VALUES (?, ?)").run(req.params.name, url);
  res.status(had ? 200 : 201).json({ name: req.params.name, url });
});
app.get("/bookmarks/:name", (req, res) => {
  const b = db.prepare("SELECT name, url FROM bookmarks WHERE name = ?").get(req.params.name);
  if (!b) return res.status(404).json({ error: "nope" });
  res.json(b);
});
