// Implement the two operations of the OpenAPI fragment in the README, exactly.
// The rooms table keeps has_screen as 0 or 1, and has a created_at column the API does not show.

// POST /v1/rooms: check the body against NewRoom (every rule), store the room,
// answer 201 with a Location header and exactly the Room; 400 with the Error shape otherwise.
app.post("/v1/rooms", (req, res) => {
  // TODO
  res.status(501).json({ code: "not_implemented", message: "not written yet" });
});

// GET /v1/rooms/{id}: 400 for an id that is not an integer of at least 1,
// 404 for an unknown room, otherwise 200 with exactly the Room.
app.get("/v1/rooms/:id", (req, res) => {
  // TODO
  res.status(501).json({ code: "not_implemented", message: "not written yet" });
});
