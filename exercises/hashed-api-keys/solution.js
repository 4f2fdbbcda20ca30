function sessionUser(req) {
  return db
    .prepare("SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?")
    .get(req.cookies.sid ?? "");
}

function requireSession(req, res, next) {
  req.user = sessionUser(req);
  if (!req.user) return res.status(401).json({ error: "log in first" });
  next();
}

app.post("/keys", requireSession, (req, res) => {
  const key = crypto.randomToken();
  const prefix = key.slice(0, 8);
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO api_keys (owner_id, prefix, key_hash) VALUES (?, ?, ?)")
    .run(req.user.id, prefix, crypto.sha256(key));
  res.status(201).json({ id, key, prefix });
});

app.get("/keys", requireSession, (req, res) => {
  res.json(db.prepare("SELECT id, prefix FROM api_keys WHERE owner_id = ? ORDER BY id").all(req.user.id));
});

app.get("/whoami", (req, res) => {
  const header = req.get("Authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  const match = db
    .prepare("SELECT u.username FROM api_keys k JOIN users u ON u.id = k.owner_id WHERE k.key_hash = ?")
    .get(crypto.sha256(key));
  if (!match) return res.status(401).json({ error: "send a valid API key as Authorization: Bearer <key>" });
  res.json({ username: match.username });
});
