app.put("/bookmarks/:name", (req, res) => {
  const { url } = req.body;
  if (typeof url !== "string" || !/^https?:\/\//.test(url)) {
    return res.status(400).json({ error: "url must start with http:// or https://" });
  }
  const name = req.params.name;
  const existed = db.prepare("SELECT 1 FROM bookmarks WHERE name = ?").get(name);
  db.prepare(
    "INSERT INTO bookmarks (name, url) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET url = excluded.url",
  ).run(name, url);
  res.status(existed ? 200 : 201).json({ name, url });
});

app.get("/bookmarks/:name", (req, res) => {
  const bookmark = db.prepare("SELECT name, url FROM bookmarks WHERE name = ?").get(req.params.name);
  if (!bookmark) return res.status(404).json({ error: `there is no bookmark ${req.params.name}` });
  res.json(bookmark);
});
