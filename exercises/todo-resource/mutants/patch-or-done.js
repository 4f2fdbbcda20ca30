// PATCH uses || for done, so {"done": false} can never un-tick a todo.
const find = db.prepare("SELECT id, title, done FROM todos WHERE id = ?");
const shown = (row) => ({ ...row, done: row.done === 1 });

function loadTodo(req, res, next) {
  const row = find.get(Number(req.params.id));
  if (!row) {
    return res.status(404).json({ error: `there is no todo ${req.params.id}` });
  }
  req.todo = row;
  next();
}

app.get("/todos", (req, res) => {
  res.json(db.prepare("SELECT id, title, done FROM todos ORDER BY id").all().map(shown));
});

app.post("/todos", (req, res) => {
  const { title } = req.body;
  if (typeof title !== "string" || title.trim() === "") {
    return res.status(400).json({ error: "a todo needs a title" });
  }
  const { lastInsertRowid: id } = db.prepare("INSERT INTO todos (title) VALUES (?)").run(title);
  res.status(201).set("Location", `/todos/${id}`).json(shown(find.get(id)));
});

app.get("/todos/:id", loadTodo, (req, res) => {
  res.json(shown(req.todo));
});

app.patch("/todos/:id", loadTodo, (req, res) => {
  const title = typeof req.body.title === "string" ? req.body.title : req.todo.title;
  const done = Number(req.body.done || req.todo.done);
  db.prepare("UPDATE todos SET title = ?, done = ? WHERE id = ?").run(title, done, req.todo.id);
  res.json(shown(find.get(req.todo.id)));
});

app.delete("/todos/:id", loadTodo, (req, res) => {
  db.prepare("DELETE FROM todos WHERE id = ?").run(req.todo.id);
  res.status(204).end();
});
