// Forgets ORDER BY id on the list: the notes come in whatever order SQLite reads them.
app.use((req, res, next) => {
  const user = db
    .prepare("SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?")
    .get(req.cookies.sid ?? "");
  if (!user) return res.status(401).json({ error: "log in first" });
  req.user = user;
  next();
});

app.get("/notes", (req, res) => {
  res.json(db.prepare("SELECT id, body FROM notes WHERE owner_id = ?").all(req.user.id));
});

app.get("/notes/:id", (req, res) => {
  const note = db
    .prepare("SELECT id, body FROM notes WHERE id = ? AND owner_id = ?")
    .get(Number(req.params.id), req.user.id);
  if (!note) return res.status(404).json({ error: "no such note" });
  res.json(note);
});

app.post("/notes", (req, res) => {
  const { body } = req.body;
  if (typeof body !== "string" || body === "") {
    return res.status(400).json({ error: "a note needs a body" });
  }
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO notes (owner_id, body) VALUES (?, ?)")
    .run(req.user.id, body);
  res.status(201).json({ id, body });
});

app.delete("/notes/:id", (req, res) => {
  const { changes } = db
    .prepare("DELETE FROM notes WHERE id = ? AND owner_id = ?")
    .run(Number(req.params.id), req.user.id);
  if (changes === 0) return res.status(404).json({ error: "no such note" });
  res.status(204).end();
});
