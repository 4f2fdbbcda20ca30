// Remembers likes in the process: right on one server, wrong on two.
const posts = db.prepare("SELECT id, title FROM posts WHERE id = ?");
const likes = new Map();

app.post("/posts/:id/likes", (req, res) => {
  const post = posts.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  const user = req.body?.user;
  if (typeof user !== "string" || user.trim() === "") {
    return res.status(400).json({ error: "user is required" });
  }
  if (!likes.has(post.id)) likes.set(post.id, new Set());
  likes.get(post.id).add(user.trim());
  res.json({ post_id: post.id, likes: likes.get(post.id).size });
});

app.get("/posts/:id", (req, res) => {
  const post = posts.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  res.json({ ...post, likes: likes.get(post.id)?.size ?? 0 });
});
