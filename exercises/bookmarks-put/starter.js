// PUT /bookmarks/:name {url}: 201 when created, 200 when replaced; GET /bookmarks/:name.
app.put("/bookmarks/:name", (req, res) => {
  db.prepare("INSERT INTO bookmarks (name, url) VALUES (?, ?)").run(req.params.name, req.body.url);
  res.status(201).json({ name: req.params.name, url: req.body.url });
});
