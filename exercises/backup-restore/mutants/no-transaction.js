// Validates the shape, but a failing insert leaves the notes half deleted.
app.get("/backup", (req, res) => {
  const notes = db.prepare("SELECT id, body, pinned FROM notes ORDER BY id").all();
  res.json({ format: "notes-backup", version: 1, notes });
});

app.post("/restore", (req, res) => {
  const backup = req.body;
  if (backup.format !== "notes-backup" || backup.version !== 1 || !Array.isArray(backup.notes)) {
    return res.status(400).json({ error: "not a backup" });
  }
  try {
    db.prepare("DELETE FROM notes").run();
    for (const note of backup.notes) {
      db.prepare("INSERT INTO notes (id, body, pinned) VALUES (?, ?, ?)").run(note.id, note.body, note.pinned);
    }
  } catch (error) {
    return res.status(400).json({ error: error.message });
  }
  res.json({ restored: backup.notes.length });
});
