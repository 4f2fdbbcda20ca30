// Does the offset arithmetic by hand with the sign the wrong way round: +02:00 is added instead of subtracted.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?(Z|([+-])(\d{2}):(\d{2}))$/;

function toUtc(text) {
  if (typeof text !== "string") return null;
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const millis = m[7] ? Number(m[7].slice(1)) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (m[8] !== "Z") {
    const offset = (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
    ms += offset * 60000;
  }
  return new Date(ms).toISOString();
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
