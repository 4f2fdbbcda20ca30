// GET /notes should answer with every row of the notes table.
app.get("/notes", (req, res) => {
  res.json([]);
});
