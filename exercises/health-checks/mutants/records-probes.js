// Records before the probes are reached: the load balancer's checks every few seconds swamp the real traffic in the counts.
// The app needs migration 3: below it, it is not ready for traffic.
const REQUIRED_VERSION = 3;

// Every other request gets one row, written when the answer goes out, so the
// status is the real one (a 404 from a route, or Express's own 404 and 500).
app.use((req, res, next) => {
  const end = res.end;
  res.end = (...args) => {
    db.prepare("INSERT INTO requests (route, status) VALUES (?, ?)").run(res.locals.route ?? "unmatched", res.statusCode);
    return end.call(res, ...args);
  };
  next();
});

// Liveness: the process runs and answers. Nothing else, and no database:
// a database outage must not get every copy of the app restarted.
app.get("/livez", (req, res) => {
  res.json({ status: "ok" });
});

// Readiness: can this copy serve real requests? One cheap query answers it.
app.get("/readyz", (req, res) => {
  let version;
  try {
    version = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get().version;
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "readiness check failed", error: error.message }));
    return res.status(503).json({ status: "not ready", reason: "database unavailable" });
  }
  if (version === null || version < REQUIRED_VERSION) {
    return res.status(503).json({ status: "not ready", reason: "migrations pending" });
  }
  res.json({ status: "ready" });
});

// Metrics: counters per route and status class, from the database, because
// every request starts the program afresh.
app.get("/metrics", (req, res) => {
  const counts = db
    .prepare(`SELECT route, (status / 100) || 'xx' AS class, COUNT(*) AS count
              FROM requests
              GROUP BY route, class
              ORDER BY route, class`)
    .all();
  res.json({ requests: counts });
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
