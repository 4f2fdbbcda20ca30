// The 301 also sends every post as its body; a redirect should carry no real body.
app.get("/blog/:slug", (req, res) => {
  const post = db.prepare("SELECT slug, title FROM posts WHERE slug = ?").get(req.params.slug);
  if (!post) return res.status(404).json({ error: "no such post" });
  res.json(post);
});
app.all("/blog/:slug", (req, res) => res.status(405).set("Allow", "GET").json({ error: "read only" }));
app.get("/old-blog/:slug", (req, res) => {
  const post = db.prepare("SELECT slug, title FROM posts").all();
  res.status(301).set("Location", "/blog/" + req.params.slug).json(post);
});
