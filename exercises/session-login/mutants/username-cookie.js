// The cookie holds the username: edit it and you are someone else.
const COOKIE = { httpOnly: true, sameSite: "lax", path: "/", maxAge: 2 * 60 * 60 * 1000 };

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT id, username, password_hash FROM users WHERE username = ?").get(username);
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  res.cookie("sid", user.username, COOKIE);
  res.json({ username: user.username });
});

app.get("/me", (req, res) => {
  const user = db.prepare("SELECT username FROM users WHERE username = ?").get(req.cookies.sid ?? null);
  if (!user) return res.status(401).json({ error: "log in first" });
  res.json({ username: user.username });
});

app.post("/logout", (req, res) => {
  res.clearCookie("sid", { path: "/" });
  res.status(204).end();
});
