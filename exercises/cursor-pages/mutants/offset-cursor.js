// The "cursor" is an offset in disguise: a post added between two requests pushes the feed down, and the next page repeats a post.
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

function readLimit(text) {
  if (text === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(text)) return null;
  const limit = Number(text);
  return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
}

app.get("/feed", (req, res) => {
  const limit = readLimit(req.query.limit);
  if (limit === null) return res.status(400).json({ error: "limit must be a whole number from 1 to 50" });
  let offset = 0;
  if (req.query.cursor !== undefined) {
    let decoded = "";
    try {
      decoded = atob(String(req.query.cursor));
    } catch {}
    if (!/^offset:\d+$/.test(decoded)) return res.status(400).json({ error: "bad cursor" });
    offset = Number(decoded.slice(7));
  }
  const rows = db
    .prepare("SELECT id, author, body, created_at FROM posts ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
    .all(limit + 1, offset);
  const items = rows.slice(0, limit);
  const next = rows.length > limit ? btoa(`offset:${offset + limit}`).replace(/=+$/, "") : null;
  res.json({ items, next_cursor: next });
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
