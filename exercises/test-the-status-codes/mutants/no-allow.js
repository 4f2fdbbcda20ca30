// 405 is answered without an Allow header

function findBook(id) {
  return db.prepare("SELECT id, title, votes FROM books WHERE id = ?").get(id);
}

app.post("/books", (req, res) => {
  const title = typeof req.body?.title === "string" ? req.body.title.trim() : "";
  if (title === "") {
    return res.status(400).json({ error: "title must be text that is not empty" });
  }
  const { lastInsertRowid } = db.prepare("INSERT INTO books (title) VALUES (?)").run(title);
  res.status(201).location(`/books/${lastInsertRowid}`).json(findBook(lastInsertRowid));
});

app.get("/books/:id", (req, res) => {
  const book = findBook(req.params.id);
  if (!book) return res.status(404).json({ error: "no such book" });
  res.json(book);
});

app.delete("/books/:id", (req, res) => {
  const { changes } = db.prepare("DELETE FROM books WHERE id = ?").run(req.params.id);
  if (changes === 0) return res.status(404).json({ error: "no such book" });
  res.status(204).end();
});

// After the routes above: every other method on a book's address.
app.all("/books/:id", (req, res) => {
  res.status(405).json({ error: "a book can be read or deleted" });
});

// The vote button is an HTML form; the browser is sent back to the book.
app.post("/books/:id/votes", (req, res) => {
  const { changes } = db.prepare("UPDATE books SET votes = votes + 1 WHERE id = ?").run(req.params.id);
  if (changes === 0) return res.status(404).json({ error: "no such book" });
  res.redirect(303, `/books/${req.params.id}`);
});
