app.get("/notes", (req, res) => {
  const notes = db.prepare("SELECT id, text FROM notes ORDER BY id").all();
  res.json(notes);
});
