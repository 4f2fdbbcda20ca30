// Stores a like without checking that the post exists.
const count = db.prepare("SELECT count(*) AS likes FROM likes WHERE post_id = ?");

app.post("/posts/:id/likes", (req, res) => {
  const id = Number(req.params.id);
  const user = req.body?.user;
  if (typeof user !== "string" || user.trim() === "") {
    return res.status(400).json({ error: "user is required" });
  }
  db.prepare("INSERT OR IGNORE INTO likes (post_id, user) VALUES (?, ?)").run(id, user.trim());
  res.json({ post_id: id, ...count.get(id) });
});

app.get("/posts/:id", (req, res) => {
  const post = db.prepare("SELECT id, title FROM posts WHERE id = ?").get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  res.json({ ...post, ...count.get(post.id) });
});
