// YYYY-MM-DDTHH:MM:SS, optional .sss, then Z or an offset such as +02:00.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

// The moment as UTC text ("2026-02-28T22:30:00.000Z"), or null when `text`
// is not a date-time with an offset, or names a day or time that does not exist.
function toUtc(text) {
  if (typeof text !== "string") return null;
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;        // month 13, hour 25, …
  const [, year, month, day, hour] = match.map(Number);
  if (hour > 23) return null;                          // Date.parse reads 24:00 as the next day
  // Date.parse only checks that a day is at most 31, so February 30th
  // becomes March 2nd. Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return null;
  return date.toISOString();                           // always UTC, always with Z
}

app.post("/events", (req, res) => {
  const { title, starts_at } = req.body;
  if (typeof title !== "string" || title === "") {
    return res.status(400).json({ error: "title must be text, not empty" });
  }
  const startsAt = toUtc(starts_at);
  if (startsAt === null) {
    return res.status(400).json({
      error: "starts_at must be an ISO 8601 date-time with Z or an offset, like 2026-03-01T09:30:00+02:00",
    });
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
