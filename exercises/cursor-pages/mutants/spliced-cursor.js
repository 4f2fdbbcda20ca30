// Splits the decoded cursor on "|" without checking it and pastes both parts into the SQL: a forged cursor rewrites the query.
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

function readLimit(text) {
  if (text === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(text)) return null;
  const limit = Number(text);
  return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
}

function encodeCursor(post) {
  return btoa(`${post.created_at}|${post.id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

app.get("/feed", (req, res) => {
  const limit = readLimit(req.query.limit);
  if (limit === null) return res.status(400).json({ error: "limit must be a whole number from 1 to 50" });
  let where = "";
  if (req.query.cursor !== undefined) {
    let decoded;
    try {
      decoded = atob(String(req.query.cursor).replace(/-/g, "+").replace(/_/g, "/"));
    } catch {
      return res.status(400).json({ error: "bad cursor" });
    }
    const [createdAt, id] = decoded.split("|");
    if (!createdAt || !id) return res.status(400).json({ error: "bad cursor" });
    where = `WHERE created_at < '${createdAt}' OR (created_at = '${createdAt}' AND id < ${id})`;
  }
  const rows = db
    .prepare(`SELECT id, author, body, created_at FROM posts ${where} ORDER BY created_at DESC, id DESC LIMIT ?`)
    .all(limit + 1);
  const items = rows.slice(0, limit);
  res.json({ items, next_cursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null });
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
