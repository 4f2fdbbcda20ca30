// The app needs migration 3: below it, it is not ready for traffic.
const REQUIRED_VERSION = 3;

// TODO: GET /livez: 200 {"status": "ok"}, without touching the database.

// TODO: GET /readyz: 200 {"status": "ready"} when the highest version in
// schema_migrations is at least REQUIRED_VERSION; otherwise, or when the query
// fails, 503 {"status": "not ready", "reason": "..."} with no error details.

// TODO: GET /metrics: {"requests": [{"route", "class", "count"}, ...]} counted
// from the requests table, sorted by route, then class.

// TODO: a middleware that records every other request in the requests table
// (route from res.locals.route, or "unmatched"; the status of the answer).
// It must run before the routes below, and write its row once the answer is known.

// ---- The app's own routes: given, leave them as they are. ----
// Each one names itself in res.locals.route by its pattern, never by the real path.

app.get("/books", (req, res) => {
  res.locals.route = "GET /books";
  res.json(db.prepare("SELECT id, title, author FROM books ORDER BY id").all());
});

app.get("/books/:id", (req, res) => {
  res.locals.route = "GET /books/:id";
  const book = db.prepare("SELECT id, title, author FROM books WHERE id = ?").get(Number(req.params.id));
  if (!book) return res.status(404).json({ error: "no such book" });
  res.json(book);
});

app.post("/books", (req, res) => {
  res.locals.route = "POST /books";
  const { title, author } = req.body;
  if (typeof title !== "string" || title.trim() === "" || typeof author !== "string" || author.trim() === "") {
    return res.status(400).json({ error: "send a title and an author" });
  }
  const book = db
    .prepare("INSERT INTO books (title, author) VALUES (?, ?) RETURNING id, title, author")
    .get(title.trim(), author.trim());
  res.status(201).json(book);
});
