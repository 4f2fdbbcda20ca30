app.get("/books/:id", (req, res) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id < 1) {
    return res.status(400).json({ error: "a book id is a whole number from 1 up, like /books/2" });
  }
  const book = db.prepare("SELECT id, title, author, year FROM books WHERE id = ?").get(id);
  if (!book) {
    return res.status(404).json({ error: `there is no book ${id}` });
  }
  res.json(book);
});
