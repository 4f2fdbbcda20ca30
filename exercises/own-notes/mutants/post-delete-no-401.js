// Only the GET routes check the session; POST without a session creates a note for whatever owner_id the body says, DELETE without one answers 404.
function user(req) {
  return db.prepare("SELECT user_id AS id FROM sessions WHERE token = ?").get(req.cookies.sid ?? "");
}
app.get("/notes", (req, res) => {
  const u = user(req);
  if (!u) return res.status(401).json({ error: "log in" });
  res.json(db.prepare("SELECT id, body FROM notes WHERE owner_id = ? ORDER BY id").all(u.id));
});
app.get("/notes/:id", (req, res) => {
  const u = user(req);
  if (!u) return res.status(401).json({ error: "log in" });
  const note = db.prepare("SELECT id, body FROM notes WHERE id = ? AND owner_id = ?").get(req.params.id, u.id);
  if (!note) return res.status(404).json({ error: "no such note" });
  res.json(note);
});
app.post("/notes", (req, res) => {
  const u = user(req);
  const owner = u ? u.id : req.body.owner_id;
  const { lastInsertRowid: id } = db.prepare("INSERT INTO notes (owner_id, body) VALUES (?, ?)").run(owner, req.body.body);
  res.status(201).json({ id, body: req.body.body });
});
app.delete("/notes/:id", (req, res) => {
  const u = user(req) || { id: null };
  const { changes } = db.prepare("DELETE FROM notes WHERE id = ? AND owner_id = ?").run(req.params.id, u.id);
  if (!changes) return res.status(404).json({ error: "no such note" });
  res.status(204).end();
});
