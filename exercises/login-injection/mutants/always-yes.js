// Known bad: says yes to every login, without looking at the password.
app.post("/login", (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== "string" || typeof password !== "string") {
    return res.status(400).json({ error: "send a username and a password" });
  }
  res.json({ ok: true, username });
});
