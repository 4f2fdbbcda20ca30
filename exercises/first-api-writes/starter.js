// A guestbook API (see the README for the whole contract):
//   POST /entries      {"name", "message"} → 201, Location: /entries/<id>, the new entry
//   GET  /entries      → every entry, newest first
//   GET  /entries/:id  → one entry, or 404
// An entry is exactly { id, name, message, created_at }. Every answer, errors included, is JSON.
app.post("/entries", (req, res) => {
  // TODO: 415 unless the body is JSON; 400 for a bad name or message; then store and answer 201.
  res.status(501).json({ error: "not written yet" });
});

app.get("/entries", (req, res) => {
  // TODO: newest first.
  res.json(db.prepare("SELECT * FROM entries").all());
});

// TODO: GET /entries/:id, and an error handler that answers in JSON.
