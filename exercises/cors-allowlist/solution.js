// The browser front ends that may call this API, from configuration:
// exact origins (scheme, host and port), separated by commas.
const ALLOWED_ORIGINS = (process.env.ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((origin) => origin.trim())
  .filter((origin) => origin !== "");

// Before every route: CORS headers for allowed origins, and preflights.
app.use((req, res, next) => {
  res.vary("Origin"); // the answer depends on Origin: caches must keep one copy per origin
  const origin = req.get("Origin");
  const allowed = ALLOWED_ORIGINS.includes(origin); // exact match, never a prefix or suffix
  if (allowed) {
    res.set("Access-Control-Allow-Origin", origin);
    res.set("Access-Control-Allow-Credentials", "true");
  }
  if (req.method === "OPTIONS") {
    if (allowed) {
      res.set("Access-Control-Allow-Methods", "GET, POST, DELETE");
      res.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
      res.set("Access-Control-Max-Age", "600");
    }
    return res.status(204).end(); // a preflight never reaches the routes
  }
  next();
});

app.get("/api/tasks", (req, res) => {
  const tasks = db.prepare("SELECT id, title, done FROM tasks ORDER BY id").all();
  res.json({ tasks: tasks.map((task) => ({ ...task, done: task.done === 1 })) });
});

app.post("/api/tasks", (req, res) => {
  const { title } = req.body;
  if (typeof title !== "string" || title.trim() === "" || title.length > 200) {
    return res.status(400).json({ error: "title must be text of 1 to 200 characters" });
  }
  const { lastInsertRowid: id } = db.prepare("INSERT INTO tasks (title) VALUES (?)").run(title);
  res.status(201).json({ id, title, done: false });
});

app.delete("/api/tasks/:id", (req, res) => {
  const { changes } = db.prepare("DELETE FROM tasks WHERE id = ?").run(Number(req.params.id));
  if (changes === 0) return res.status(404).json({ error: "no such task" });
  res.status(204).end();
});
