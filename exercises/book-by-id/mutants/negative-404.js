// WRONG: only refuses non-integers and zero; /books/-1 answers 404 instead of 400
app.get("/books/:id", (req, res) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id === 0) return res.status(400).json({ error: "bad id" });
  const b = db.prepare("SELECT * FROM books WHERE id = ?").get(id);
  if (!b) return res.status(404).json({ error: "not found" });
  res.json(b);
});
