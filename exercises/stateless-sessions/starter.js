// Logged-in sessions kept in this process's memory. On one server this works until
// the server restarts. Behind a load balancer, the request after the login may reach
// another copy of the app, whose Map is empty. In Backlab every request gets a fresh
// copy, so this Map is always empty when /me looks in it.
const sessions = new Map(); // token -> { userId, expiresAt }

const THIRTY_MINUTES_MS = 30 * 60 * 1000;
const COOKIE = { httpOnly: true, sameSite: "lax", path: "/" };

// The user whose session token came in the sid cookie, or undefined.
function currentUser(req) {
  // TODO: find the session in the sessions table instead: look up crypto.sha256(token),
  //       and only while unixepoch() is before its expires_at.
  const session = sessions.get(req.cookies.sid);
  if (!session || session.expiresAt <= Date.now()) return undefined;
  return db.prepare("SELECT id, username FROM users WHERE id = ?").get(session.userId);
}

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT id, username, password_hash FROM users WHERE username = ?").get(username);
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  const token = crypto.randomToken();
  // TODO: insert a row into sessions instead: crypto.sha256(token), user.id,
  //       and an expires_at 30 minutes (1800 seconds) from now.
  sessions.set(token, { userId: user.id, expiresAt: Date.now() + THIRTY_MINUTES_MS });
  res.cookie("sid", token, { ...COOKIE, maxAge: THIRTY_MINUTES_MS });
  res.json({ username: user.username });
});

app.get("/me", (req, res) => {
  const user = currentUser(req);
  if (!user) return res.status(401).json({ error: "log in first" });
  res.json({ username: user.username });
});

app.post("/logout", (req, res) => {
  // TODO: delete this session's row, so a copy of the token stops working too.
  sessions.delete(req.cookies.sid);
  res.clearCookie("sid", COOKIE);
  res.status(204).end();
});
