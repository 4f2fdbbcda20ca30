// TODO: read the allowed origins from process.env.ALLOWED_ORIGINS (see the
// README), then add one middleware, before the routes, that
//   - adds Vary: Origin to every answer,
//   - adds Access-Control-Allow-Origin and -Credentials for an allowed Origin,
//   - answers every OPTIONS request (a preflight) with 204 and, for an
//     allowed origin, the -Methods, -Headers and -Max-Age headers.

// The routes are written for you.
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
