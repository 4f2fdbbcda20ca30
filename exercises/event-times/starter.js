// POST /events {title, starts_at}: store starts_at in UTC and answer 201 (see the README).
// GET /events/:id: the stored event, or 404.

// TODO: give back the moment as UTC text like "2026-02-28T22:30:00.000Z",
// or null when `text` is not a string in the README's form (with Z or an
// offset), or names a day or a time that does not exist.
function toUtc(text) {
  return null;
}

app.post("/events", (req, res) => {
  // TODO: check title, turn starts_at into UTC with toUtc, store both, answer 201.
  res.status(501).json({ error: "not written yet" });
});

app.get("/events/:id", (req, res) => {
  // TODO: the event with this id, or 404.
  res.status(501).json({ error: "not written yet" });
});
