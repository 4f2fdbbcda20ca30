// GET /feed?limit=&cursor= → { items, next_cursor }: the newest posts first
// (created_at DESC, then id DESC), one page at a time, with a keyset cursor.
// btoa(text) and atob(text) are there for base64; see the README for base64url.

app.get("/feed", (req, res) => {
  // TODO: read limit (default 10, from 1 to 50, else 400).
  // TODO: without a cursor, the first page; with one, decode it (a bad one is a 400)
  //       and take the posts that come after (created_at, id) in the feed's order.
  // TODO: next_cursor encodes the page's last post, or is null when nothing comes after it.
  res.json({ items: db.prepare("SELECT * FROM posts").all(), next_cursor: null });
});

// Written for you: a new post goes to the top of the feed.
app.post("/posts", (req, res) => {
  const { author, body } = req.body;
  if (typeof author !== "string" || author === "" || typeof body !== "string" || body === "") {
    return res.status(400).json({ error: "author and body must be text" });
  }
  const createdAt = new Date().toISOString();
  const { lastInsertRowid } = db
    .prepare("INSERT INTO posts (author, body, created_at) VALUES (?, ?, ?)")
    .run(author, body, createdAt);
  res.status(201).json({ id: Number(lastInsertRowid), author, body, created_at: createdAt });
});
