// Ignores fields it does not know, so a price sneaks past unnoticed.
const KNOWN = ["name", "date", "seats"];

function problems(body) {
  const fields = {};
  const { name, date, seats } = body;
  if (typeof name !== "string" || name.trim() === "") {
    fields.name = "required, as text";
  } else if (name.length > 80) {
    fields.name = "at most 80 characters";
  }
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    fields.date = "a date written YYYY-MM-DD";
  }
  if (!Number.isInteger(seats) || seats < 1 || seats > 500) {
    fields.seats = "a whole number from 1 to 500";
  }
  return fields;
}

app.post("/events", (req, res) => {
  const fields = problems(req.body);
  if (Object.keys(fields).length > 0) {
    return res.status(400).json({ error: "the event is not valid", fields });
  }
  const { name, date, seats } = req.body;
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO events (name, date, seats) VALUES (?, ?, ?)")
    .run(name, date, seats);
  res.status(201).json({ id, name, date, seats });
});
