// WRONG: checks only the version (not format), and no per-note checks: pinned=true, body=123, id="7" are accepted; missing notes crashes
app.get("/backup", (req, res) => {
  res.json({ format: "notes-backup", version: 1, notes: db.prepare("SELECT id, body, pinned FROM notes ORDER BY id").all() });
});
const replace = db.transaction((notes) => {
  db.prepare("DELETE FROM notes").run();
  for (const n of notes) db.prepare("INSERT INTO notes (id, body, pinned) VALUES (?, ?, ?)").run(n.id, n.body, n.pinned);
});
app.post("/restore", (req, res) => {
  if (req.body.version !== 1) return res.status(400).json({ error: "bad backup" });
  try { replace(req.body.notes); } catch (e) { return res.status(400).json({ error: e.message }); }
  res.json({ restored: req.body.notes.length });
});
