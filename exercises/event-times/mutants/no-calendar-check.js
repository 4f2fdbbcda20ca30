// Checks the form and NaN but not the calendar: February 30th slips through as March 2nd, 24:00 as the next day.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

app.post("/events", (req, res) => {
  const { title, starts_at } = req.body;
  if (typeof title !== "string" || title === "") {
    return res.status(400).json({ error: "title must be text, not empty" });
  }
  if (typeof starts_at !== "string" || !ISO_WITH_OFFSET.test(starts_at)) {
    return res.status(400).json({ error: "starts_at must be an ISO 8601 date-time with Z or an offset" });
  }
  const date = new Date(starts_at);
  if (Number.isNaN(date.getTime())) {
    return res.status(400).json({ error: "starts_at is not a real date" });
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
