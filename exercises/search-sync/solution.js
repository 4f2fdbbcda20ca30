// Every request runs this file, so each trigger is created only if it is not there yet.
db.exec(`
  CREATE TRIGGER IF NOT EXISTS jobs_ai AFTER INSERT ON jobs BEGIN
    INSERT INTO jobs_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
  END;
  CREATE TRIGGER IF NOT EXISTS jobs_ad AFTER DELETE ON jobs BEGIN
    INSERT INTO jobs_fts (jobs_fts, rowid, title, description)
      VALUES ('delete', old.id, old.title, old.description);
  END;
  CREATE TRIGGER IF NOT EXISTS jobs_au AFTER UPDATE ON jobs BEGIN
    INSERT INTO jobs_fts (jobs_fts, rowid, title, description)
      VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO jobs_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
  END;
`);

// The routes below are done: they change jobs, and search jobs_fts.
app.post("/jobs", (req, res) => {
  const { title, description } = req.body;
  if (typeof title !== "string" || typeof description !== "string") {
    return res.status(400).json({ error: "send a title and a description" });
  }
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO jobs (title, description) VALUES (?, ?)")
    .run(title, description);
  res.status(201).json({ id, title, description });
});

app.patch("/jobs/:id", (req, res) => {
  const job = db.prepare("SELECT id, title, description FROM jobs WHERE id = ?").get(Number(req.params.id));
  if (!job) return res.status(404).json({ error: "no such job" });
  const title = typeof req.body.title === "string" ? req.body.title : job.title;
  const description = typeof req.body.description === "string" ? req.body.description : job.description;
  db.prepare("UPDATE jobs SET title = ?, description = ? WHERE id = ?").run(title, description, job.id);
  res.json({ id: job.id, title, description });
});

app.delete("/jobs/:id", (req, res) => {
  const { changes } = db.prepare("DELETE FROM jobs WHERE id = ?").run(Number(req.params.id));
  if (changes === 0) return res.status(404).json({ error: "no such job" });
  res.status(204).end();
});

app.get("/search", (req, res) => {
  const words = String(req.query.q ?? "").split(/\s+/).filter((word) => word !== "");
  if (words.length === 0) return res.status(400).json({ error: "type a word to search for" });
  const query = words.map((word) => `"${word.replaceAll('"', '""')}"`).join(" ");
  const jobs = db
    .prepare("SELECT rowid AS id, title FROM jobs_fts WHERE jobs_fts MATCH ? ORDER BY rank LIMIT 10")
    .all(query);
  res.json(jobs);
});
