// Stores the key itself: a stolen table is a list of working keys.
function sessionUser(req) {
  return db.prepare("SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?").get(req.cookies.sid ?? "");
}
app.post("/keys", (req, res) => {
  const user = sessionUser(req);
  if (!user) return res.status(401).json({ error: "log in first" });
  const key = crypto.randomToken();
  const { lastInsertRowid: id } = db.prepare("INSERT INTO api_keys (owner_id, prefix, key_hash) VALUES (?, ?, ?)").run(user.id, key.slice(0, 8), key);
  res.status(201).json({ id, key, prefix: key.slice(0, 8) });
});
app.get("/keys", (req, res) => {
  const user = sessionUser(req);
  if (!user) return res.status(401).json({ error: "log in first" });
  res.json(db.prepare("SELECT id, prefix FROM api_keys WHERE owner_id = ? ORDER BY id").all(user.id));
});
app.get("/whoami", (req, res) => {
  const key = (req.get("Authorization") ?? "").replace("Bearer ", "");
  const row = db.prepare("SELECT u.username FROM api_keys k JOIN users u ON u.id = k.owner_id WHERE k.key_hash = ?").get(key);
  if (!row) return res.status(401).json({ error: "bad key" });
  res.json(row);
});
