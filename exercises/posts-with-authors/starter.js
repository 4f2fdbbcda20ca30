// These answers are right, but look at the SQL list under Run: the page of
// posts takes 1 query, then 2 more for EACH post (its author, its comment
// count). 10 posts, 21 queries: the N+1 problem. Make each route use at
// most 2 queries, with the same answers.

app.get("/posts", (req, res) => {
  const posts = db
    .prepare("SELECT id, title, user_id FROM posts ORDER BY created_at DESC, id DESC LIMIT 10")
    .all();
  const page = posts.map((post) => {
    const user = db.prepare("SELECT name FROM users WHERE id = ?").get(post.user_id);
    const { n } = db.prepare("SELECT count(*) AS n FROM comments WHERE post_id = ?").get(post.id);
    return { id: post.id, title: post.title, author: user.name, comment_count: n };
  });
  res.json(page);
});

app.get("/posts/:id", (req, res) => {
  const post = db.prepare("SELECT id, title, user_id FROM posts WHERE id = ?").get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  const author = db.prepare("SELECT name FROM users WHERE id = ?").get(post.user_id).name;
  const comments = db
    .prepare("SELECT user_id, body FROM comments WHERE post_id = ? ORDER BY created_at, id")
    .all(post.id)
    .map((c) => ({
      author: db.prepare("SELECT name FROM users WHERE id = ?").get(c.user_id).name,
      body: c.body,
    }));
  res.json({ id: post.id, title: post.title, author, comments });
});
