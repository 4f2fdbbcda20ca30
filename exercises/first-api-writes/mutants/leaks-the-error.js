// Answers a failure with the database's own message: it tells strangers how the server is built.
const COLUMNS = "id, name, message, created_at";
const MAX_LENGTH = { name: 50, message: 500 };

// The trimmed text of a required field, or an error message.
function readField(body, field) {
  const value = body[field];
  if (typeof value !== "string" || value.trim() === "") {
    return { error: `${field} is required: a string with at least one character` };
  }
  const text = value.trim();
  if (text.length > MAX_LENGTH[field]) {
    return { error: `${field} may have at most ${MAX_LENGTH[field]} characters` };
  }
  return { text };
}

app.post("/entries", (req, res) => {
  if (!req.is("application/json")) {
    return res.status(415).json({ error: "send the entry as JSON, with Content-Type: application/json" });
  }
  const name = readField(req.body, "name");
  if (name.error) return res.status(400).json({ error: name.error });
  const message = readField(req.body, "message");
  if (message.error) return res.status(400).json({ error: message.error });

  // id and created_at belong to the server: whatever the client sent for them is ignored.
  const { lastInsertRowid } = db
    .prepare("INSERT INTO entries (name, message, created_at) VALUES (?, ?, ?)")
    .run(name.text, message.text, new Date().toISOString());
  const entry = db.prepare(`SELECT ${COLUMNS} FROM entries WHERE id = ?`).get(lastInsertRowid);
  res.status(201).location(`/entries/${entry.id}`).json(entry);
});

app.get("/entries", (req, res) => {
  res.json(db.prepare(`SELECT ${COLUMNS} FROM entries ORDER BY id DESC`).all());
});

app.get("/entries/:id", (req, res) => {
  const entry = db.prepare(`SELECT ${COLUMNS} FROM entries WHERE id = ?`).get(req.params.id);
  if (!entry) return res.status(404).json({ error: "no entry has this id" });
  res.json(entry);
});

// Errors that never reach a route get JSON too, not Express's HTML pages.
app.use((err, req, res, next) => {
  if (err.type === "entity.parse.failed") {
    return res.status(400).json({ error: "the body is not valid JSON" });
  }
  console.error(err);
  res.status(500).json({ error: err.message });
});
