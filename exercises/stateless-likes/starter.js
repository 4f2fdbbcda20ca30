// Your app runs on many servers behind a load balancer, and each request may
// reach a different one. A variable like this one lives in ONE server's
// memory, so it is wrong as soon as there are two (in Backlab, every request
// even gets a fresh sandbox, so it starts empty every time).
const likes = new Map(); // post id -> Set of users

// POST /posts/:id/likes with {"user": "ada"}: record the like.
app.post("/posts/:id/likes", (req, res) => {
  // TODO: keep the like in the database (the likes table) instead.
  const id = req.params.id;
  if (!likes.has(id)) likes.set(id, new Set());
  likes.get(id).add(req.body.user);
  res.json({ post_id: Number(id), likes: likes.get(id).size });
});

// GET /posts/:id: the post with its number of likes.
app.get("/posts/:id", (req, res) => {
  // TODO: read the post and count its likes in the database.
  res.status(404).json({ error: "post not found" });
});
