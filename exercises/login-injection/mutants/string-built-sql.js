// Known bad: correct answers, but the username is spliced into the SQL with a
// template string, and quotes are "escaped" by hand.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== "string" || typeof password !== "string") {
    return res.status(400).json({ error: "send a username and a password" });
  }
  const safe = username.replace(/'/g, "''");
  const user = db.prepare(`SELECT * FROM users WHERE username = '${safe}'`).get();
  if (!user || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  res.json({ ok: true, username: user.username });
});
