// No 80-character limit on name, seats 2.5 accepted (no whole-number check), seats 1 refused (> 1), unanchored date regex accepts "2026-05-14T10:00".
app.post("/events", (req, res) => {
  const { name, date, seats } = req.body;
  const fields = {};
  if (typeof name !== "string" || name.trim() === "") fields.name = "required";
  if (typeof date !== "string" || !/\d{4}-\d{2}-\d{2}/.test(date)) fields.date = "YYYY-MM-DD";
  if (typeof seats !== "number" || seats <= 1 || seats > 500) fields.seats = "1 to 500";
  for (const k of Object.keys(req.body)) if (!["name", "date", "seats"].includes(k)) fields[k] = "not allowed";
  if (Object.keys(fields).length) return res.status(400).json({ error: "invalid event", fields });
  const { lastInsertRowid: id } = db.prepare("INSERT INTO events (name, date, seats) VALUES (?, ?, ?)").run(name, date, seats);
  res.status(201).json({ id, name, date, seats });
});
