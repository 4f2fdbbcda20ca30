app.get("/blog/:slug", (req, res) => {
  const post = db.prepare("SELECT slug, title FROM posts WHERE slug = ?").get(req.params.slug);
  if (!post) return res.status(404).json({ error: `there is no post ${req.params.slug}` });
  res.json(post);
});

app.all("/blog/:slug", (req, res) => {
  res.status(405).set("Allow", "GET").json({ error: "posts can only be read" });
});

app.get("/old-blog/:slug", (req, res) => {
  res.redirect(301, `/blog/${encodeURIComponent(req.params.slug)}`);
});
