// This release adds threads.reply_count (see the README). The migration runs
// here, at the top of the file, every time the app starts: before each request.
//
// TODO: if threads has no reply_count column yet (look at
//       db.pragma("table_info(threads)")), then in ONE transaction:
//         - add it: INTEGER, NOT NULL, DEFAULT 0;
//         - fill it with each thread's number of replies, in one UPDATE.
// TODO: make sure an index on threads (reply_count) exists.

// GET /threads: every thread { id, title, reply_count }, busiest first.
app.get("/threads", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});

// GET /threads/:id: one thread { id, title, reply_count }, or 404.
app.get("/threads/:id", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});

// POST /threads/:id/replies with { body }: add the reply and keep reply_count right.
app.post("/threads/:id/replies", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
