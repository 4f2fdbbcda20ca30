// One query per route for what belongs together: JOIN brings each post's
// author along, and LEFT JOIN + count(c.id) counts comments, 0 included.
const newestPosts = db.prepare(`
  SELECT p.id, p.title, u.name AS author, count(c.id) AS comment_count
    FROM posts p
    JOIN users u ON u.id = p.user_id
    JOIN comments c ON c.post_id = p.id
   GROUP BY p.id
   ORDER BY p.created_at DESC, p.id DESC
   LIMIT 10`);

const onePost = db.prepare(`
  SELECT p.id, p.title, u.name AS author
    FROM posts p JOIN users u ON u.id = p.user_id
   WHERE p.id = ?`);

const commentsOf = db.prepare(`
  SELECT u.name AS author, c.body
    FROM comments c JOIN users u ON u.id = c.user_id
   WHERE c.post_id = ?
   ORDER BY c.created_at, c.id`);

app.get("/posts", (req, res) => {
  res.json(newestPosts.all());
});

app.get("/posts/:id", (req, res) => {
  const post = onePost.get(req.params.id);
  if (!post) return res.status(404).json({ error: "post not found" });
  res.json({ ...post, comments: commentsOf.all(post.id) });
});
