// POST /cron/tick: a cron calls this every minute.
// 1. Work out today's UTC date ("2026-01-01") and the current UTC hour.
// 2. Find the users whose send_hour has come today.
// 3. Queue a digest_jobs row (user_id, day) for each of them, unless they
//    already have one for today: the table's UNIQUE (user_id, day) can do
//    that check for you.
// 4. Answer 200 with {"day": ..., "queued": [ids of the users queued now, smallest first]}.
app.post("/cron/tick", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
