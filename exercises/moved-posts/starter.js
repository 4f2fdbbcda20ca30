// GET /blog/:slug; GET /old-blog/:slug → 301 to /blog/:slug; POST /blog/:slug → 405.
app.get("/old-blog/:slug", (req, res) => {
  const post = db.prepare("SELECT slug, title FROM posts WHERE slug = ?").get(req.params.slug);
  res.json(post);
});
