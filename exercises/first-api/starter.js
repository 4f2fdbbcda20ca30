// A read-only JSON API over the planets table (see the README and the Schema tab).

// GET /planets, and GET /planets?kind=rocky
app.get("/planets", (req, res) => {
  // TODO: read the planets, nearest to the Sun first:
  //   db.prepare("SELECT ... FROM planets ...").all()
  // and keep only one kind when ?kind= is given (400 for a kind that does not exist).
  res.json([]);
});

// TODO: GET /planets/:id answers one planet: 400 for an id that is not a whole number,
// 404 when no planet has that id.
