// Retry-After says 15, in minutes, where the header counts seconds
const MAX_FAILURES = 5;
const LOCK_SECONDS = 900; // 15 minutes, the same window the count looks back over

function text(value) {
  return typeof value === "string" && value !== "";
}

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  if (!text(username) || !text(password)) {
    return res.status(400).json({ error: "send a username and a password" });
  }

  // The limit comes first, before any password is checked. It counts this
  // username's failures of the last 15 minutes, from every address alike.
  const { n } = db
    .prepare("SELECT count(*) AS n FROM failed_logins WHERE username = ? AND at > datetime('now', '-15 minutes')")
    .get(username);
  if (n >= MAX_FAILURES) {
    // A refused attempt records nothing, so trying during the lock does not lengthen it.
    return res
      .status(429)
      .set("Retry-After", String(LOCK_SECONDS / 60))
      .json({ error: "too many failed logins; try again in 15 minutes" });
  }

  const user = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(username);
  if (!user || !crypto.verifyPassword(password, user.password_hash)) {
    db.prepare("INSERT INTO failed_logins (username, ip) VALUES (?, ?)").run(username, req.ip);
    return res.status(401).json({ error: "wrong username or password" });
  }

  // A success starts this username's count again.
  db.prepare("DELETE FROM failed_logins WHERE username = ?").run(username);
  res.json({ username });
});
