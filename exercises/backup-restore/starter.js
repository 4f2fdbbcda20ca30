// GET /backup exports every note; POST /restore replaces them all, or changes nothing.
app.get("/backup", (req, res) => {
  res.json(db.prepare("SELECT * FROM notes").all());
});

app.post("/restore", (req, res) => {
  db.prepare("DELETE FROM notes").run();
  for (const note of req.body.notes) {
    db.prepare("INSERT INTO notes (id, body, pinned) VALUES (?, ?, ?)").run(note.id, note.body, note.pinned);
  }
  res.json({ restored: req.body.notes.length });
});
