// Trusts new Date(text) alone: a time without an offset is read as the server's local time, and a date alone as UTC midnight.
app.post("/events", (req, res) => {
  const { title, starts_at } = req.body;
  if (typeof title !== "string" || title === "") {
    return res.status(400).json({ error: "title must be text, not empty" });
  }
  const date = typeof starts_at === "string" ? new Date(starts_at) : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    return res.status(400).json({ error: "starts_at must be a date-time" });
  }
  const startsAt = date.toISOString();
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO events (title, starts_at) VALUES (?, ?)")
    .run(title, startsAt);
  res.status(201).json({ id, title, starts_at: startsAt });
});

app.get("/events/:id", (req, res) => {
  const event = db.prepare("SELECT id, title, starts_at FROM events WHERE id = ?").get(req.params.id);
  if (!event) return res.status(404).json({ error: "there is no such event" });
  res.json(event);
});
