const FORMAT = "notes-backup";

app.get("/backup", (req, res) => {
  const notes = db.prepare("SELECT id, body, pinned FROM notes ORDER BY id").all();
  res.json({ format: FORMAT, version: 1, notes });
});

function isNote(note) {
  return (
    note !== null &&
    typeof note === "object" &&
    Number.isInteger(note.id) &&
    typeof note.body === "string" &&
    (note.pinned === 0 || note.pinned === 1)
  );
}

const replaceAll = db.transaction((notes) => {
  db.prepare("DELETE FROM notes").run();
  const insert = db.prepare("INSERT INTO notes (id, body, pinned) VALUES (?, ?, ?)");
  for (const note of notes) insert.run(note.id, note.body, note.pinned);
});

app.post("/restore", (req, res) => {
  const backup = req.body;
  if (backup.format !== FORMAT || backup.version !== 1) {
    return res.status(400).json({ error: `this is not a version 1 ${FORMAT}` });
  }
  if (!Array.isArray(backup.notes) || !backup.notes.every(isNote)) {
    return res.status(400).json({ error: "notes must be a list of {id, body, pinned}" });
  }
  try {
    replaceAll(backup.notes);
  } catch (error) {
    return res.status(400).json({ error: `the backup could not be restored: ${error.message}` });
  }
  res.json({ restored: backup.notes.length });
});
