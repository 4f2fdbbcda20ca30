app.get("/articles/:id", (req, res) => {
  const article = db
    .prepare("SELECT id, title, body, version FROM articles WHERE id = ?")
    .get(Number(req.params.id));
  if (!article) {
    return res.status(404).json({ error: "no such article" });
  }
  const etag = `"v${article.version}"`;
  res.set("ETag", etag).set("Cache-Control", "no-cache");
  if (req.get("If-None-Match") === etag) {
    return res.status(304).end();
  }
  res.json(article);
});
