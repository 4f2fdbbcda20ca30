// Every route must only ever see the logged-in user's own notes.
app.use((req, res, next) => {
  const user = db
    .prepare("SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?")
    .get(req.cookies.sid ?? "");
  if (!user) return res.status(401).json({ error: "log in first" });
  req.user = user;
  next();
});

app.get("/notes", (req, res) => {
  res.json(db.prepare("SELECT id, body FROM notes ORDER BY id").all());
});

app.get("/notes/:id", (req, res) => {
  const note = db.prepare("SELECT id, body FROM notes WHERE id = ?").get(Number(req.params.id));
  if (!note) return res.status(404).json({ error: "no such note" });
  res.json(note);
});

app.post("/notes", (req, res) => {
  const owner = req.body.owner_id ?? req.user.id;
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO notes (owner_id, body) VALUES (?, ?)")
    .run(owner, req.body.body);
  res.status(201).json({ id, body: req.body.body });
});

app.delete("/notes/:id", (req, res) => {
  db.prepare("DELETE FROM notes WHERE id = ?").run(Number(req.params.id));
  res.status(204).end();
});
