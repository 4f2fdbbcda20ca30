// Nothing lives between requests in this process: every like goes to the
// database, which every server behind the load balancer shares.
const findPost = db.prepare("SELECT id, title FROM posts WHERE id = ?");
const addLike = db.prepare("INSERT OR IGNORE INTO likes (post_id, user) VALUES (?, ?)");
const countLikes = db.prepare("SELECT count(*) AS likes FROM likes WHERE post_id = ?");

app.post("/posts/:id/likes", (req, res) => {
  const post = findPost.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  const user = req.body?.user;
  if (typeof user !== "string" || user.trim() === "") {
    return res.status(400).json({ error: "user must be a non-empty string" });
  }
  addLike.run(post.id, user.trim());
  const { likes } = countLikes.get(post.id);
  res.json({ post_id: post.id, likes });
});

app.get("/posts/:id", (req, res) => {
  const post = findPost.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  const { likes } = countLikes.get(post.id);
  res.json({ ...post, likes });
});
