// Writes each session to the table but looks it up in a variable of this copy of the app: works on one server, never on the next request's.
const THIRTY_MINUTES_MS = 30 * 60 * 1000;
const COOKIE = { httpOnly: true, sameSite: "lax", path: "/" };
const known = {}; // token hash -> user id, filled at login

function currentUser(req) {
  const token = req.cookies.sid;
  if (typeof token !== "string") return undefined;
  const userId = known[crypto.sha256(token)];
  if (userId === undefined) return undefined;
  return db.prepare("SELECT id, username FROM users WHERE id = ?").get(userId);
}

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT id, username, password_hash FROM users WHERE username = ?").get(username);
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  const token = crypto.randomToken();
  const hash = crypto.sha256(token);
  db.prepare("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, unixepoch() + 1800)").run(hash, user.id);
  known[hash] = user.id;
  res.cookie("sid", token, { ...COOKIE, maxAge: THIRTY_MINUTES_MS });
  res.json({ username: user.username });
});

app.get("/me", (req, res) => {
  const user = currentUser(req);
  if (!user) return res.status(401).json({ error: "log in first" });
  res.json({ username: user.username });
});

app.post("/logout", (req, res) => {
  const token = req.cookies.sid;
  if (typeof token === "string") {
    db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(crypto.sha256(token));
    delete known[crypto.sha256(token)];
  }
  res.clearCookie("sid", COOKIE);
  res.status(204).end();
});
