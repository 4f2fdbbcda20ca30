const TOPICS = ["news", "offers"];

app.post("/signup", (req, res) => {
  const { email, topic = "news" } = req.body;
  if (typeof email !== "string" || !email.includes("@")) {
    return res.status(400).json({ error: "send an email address, like ada@example.com" });
  }
  if (!TOPICS.includes(topic)) {
    return res.status(400).json({ error: `topic must be one of: ${TOPICS.join(", ")}` });
  }
  const clean = email.trim().toLowerCase();
  const result = db
    .prepare("INSERT INTO signups (email, topic) VALUES (?, ?)")
    .run(clean, topic);
  res.status(201).json({ id: result.lastInsertRowid, email: clean, topic });
});
