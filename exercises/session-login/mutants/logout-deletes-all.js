// Logout deletes every user's sessions (DELETE FROM sessions with no WHERE), and never clears the cookie.
const COOKIE = { httpOnly: true, sameSite: "lax", path: "/" };
const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

function currentUser(req) {
  const token = req.cookies.sid;
  if (typeof token !== "string") return undefined;
  return db
    .prepare(
      "SELECT u.id, u.username FROM sessions AS s JOIN users AS u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > datetime('now')",
    )
    .get(crypto.sha256(token));
}

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT id, username, password_hash FROM users WHERE username = ?").get(username);
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  const token = crypto.randomToken();
  db.prepare("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, datetime('now', '+2 hours'))").run(
    crypto.sha256(token),
    user.id,
  );
  res.cookie("sid", token, { ...COOKIE, maxAge: TWO_HOURS_MS });
  res.json({ username: user.username });
});

app.get("/me", (req, res) => {
  const user = currentUser(req);
  if (!user) return res.status(401).json({ error: "log in first" });
  res.json({ username: user.username });
});

app.post("/logout", (req, res) => {
  db.prepare("DELETE FROM sessions").run();
  res.status(204).end();
});
