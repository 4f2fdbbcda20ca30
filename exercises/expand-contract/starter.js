// users.fullname is being renamed to users.display_name (see the README).
// The old version of the app still runs and knows only fullname.

// GET /users/:id: answer { id, email, display_name }, reading the new column
// and falling back to the old one.
app.get("/users/:id", (req, res) => {
  const user = db.prepare("SELECT id, email, fullname AS display_name FROM users WHERE id = ?").get(Number(req.params.id));
  if (!user) return res.status(404).json({ error: "there is no such user" });
  res.json(user);
});

// POST /users: { email, display_name } -> 201. Write BOTH columns.
app.post("/users", (req, res) => {
  // TODO
  res.status(501).json({ error: "not written yet" });
});

// PATCH /users/:id: { display_name } -> 200. Write BOTH columns.
app.patch("/users/:id", (req, res) => {
  // TODO
  res.status(501).json({ error: "not written yet" });
});

// POST /admin/backfill?limit=N (header X-Admin-Key): copy fullname into
// display_name for at most N rows that lack it, lowest ids first.
app.post("/admin/backfill", (req, res) => {
  // TODO
  res.status(501).json({ error: "not written yet" });
});
