// PATCH cannot mark a todo as not done
const MAX_TITLE = 100;

function shown(row) {
  return { id: row.id, title: row.title, done: row.done === 1 };
}

app.post("/todos", (req, res) => {
  const title = typeof req.body?.title === "string" ? req.body.title.trim() : "";
  if (title === "" || title.length > MAX_TITLE) {
    return res.status(400).json({ error: `title must be 1 to ${MAX_TITLE} characters` });
  }
  const { lastInsertRowid } = db.prepare("INSERT INTO todos (title) VALUES (?)").run(title);
  res.status(201).json({ id: lastInsertRowid, title, done: false });
});

app.get("/todos/:id", (req, res) => {
  const row = db.prepare("SELECT id, title, done FROM todos WHERE id = ?").get(req.params.id);
  if (!row) return res.status(404).json({ error: "todo not found" });
  res.json(shown(row));
});

app.patch("/todos/:id", (req, res) => {
  const row = db.prepare("SELECT id FROM todos WHERE id = ?").get(req.params.id);
  if (!row) return res.status(404).json({ error: "todo not found" });
  if (typeof req.body?.done !== "boolean") {
    return res.status(400).json({ error: "done must be true or false" });
  }
  db.prepare("UPDATE todos SET done = ? WHERE id = ?").run(1, row.id);
  res.json(shown(db.prepare("SELECT id, title, done FROM todos WHERE id = ?").get(row.id)));
});
