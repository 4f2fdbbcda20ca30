// Checks starts_at well, then stores and answers the text as it was sent: offsets stay in, so the column no longer sorts as time.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

function isGood(text) {
  if (typeof text !== "string") return false;
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return false;
  if (Number.isNaN(new Date(text).getTime())) return false;
  const [, year, month, day, hour] = match.map(Number);
  if (hour > 23) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

app.post("/events", (req, res) => {
  const { title, starts_at } = req.body;
  if (typeof title !== "string" || title === "") {
    return res.status(400).json({ error: "title must be text, not empty" });
  }
  if (!isGood(starts_at)) {
    return res.status(400).json({ error: "starts_at must be an ISO 8601 date-time with Z or an offset" });
  }
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO events (title, starts_at) VALUES (?, ?)")
    .run(title, starts_at);
  res.status(201).json({ id, title, starts_at });
});

app.get("/events/:id", (req, res) => {
  const event = db.prepare("SELECT id, title, starts_at FROM events WHERE id = ?").get(req.params.id);
  if (!event) return res.status(404).json({ error: "there is no such event" });
  res.json(event);
});
