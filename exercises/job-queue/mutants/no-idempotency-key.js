// Sends no Idempotency-Key: a retry after a lost answer emails the customer twice.
const MAIL_URL = "https://api.mail.example/v1/messages";
const MAX_ATTEMPTS = 5;
const FIRST_RETRY_SECONDS = 30;
const MAX_DELAY_SECONDS = 86400;

// The request only writes the job down; a worker does the slow part later.
app.post("/jobs", (req, res) => {
  const { email, order_id, delay_seconds = 0 } = req.body;
  if (typeof email !== "string" || !email.includes("@")) {
    return res.status(400).json({ error: "email must be an email address" });
  }
  if (!Number.isInteger(order_id) || order_id < 1) {
    return res.status(400).json({ error: "order_id must be a whole number from 1 up" });
  }
  if (!Number.isInteger(delay_seconds) || delay_seconds < 0 || delay_seconds > MAX_DELAY_SECONDS) {
    return res.status(400).json({ error: "delay_seconds must be a whole number from 0 to 86400" });
  }
  const job = db
    .prepare(`INSERT INTO jobs (email, order_id, run_at)
              VALUES (?, ?, datetime('now', ? || ' seconds'))
              RETURNING id, status, attempts, run_at`)
    .get(email, order_id, delay_seconds);
  res.status(202).json(job);
});

// One statement finds the oldest due job and marks it running, with its attempt
// counted, before any slow work starts: no other worker can claim it after that.
const claimNextJob = db.prepare(`
  UPDATE jobs SET status = 'running', attempts = attempts + 1
  WHERE id = (SELECT id FROM jobs
              WHERE status = 'queued' AND run_at <= datetime('now')
              ORDER BY run_at, id
              LIMIT 1)
  RETURNING id, email, order_id, attempts`);

// null when the mail service took the email; otherwise what went wrong.
async function sendReceipt(job) {
  const answer = await fetch(MAIL_URL, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ to: job.email, template: "receipt", order_id: job.order_id }),
  }).catch(() => null); // no answer at all is a failure like any other
  if (answer?.ok) return null;
  return answer ? `the mail service answered ${answer.status}` : "the mail service did not answer";
}

app.post("/worker/run", async (req, res) => {
  const job = claimNextJob.get();
  if (!job) return res.status(204).end();

  const problem = await sendReceipt(job);
  let outcome;
  if (problem === null) {
    outcome = db
      .prepare("UPDATE jobs SET status = 'done' WHERE id = ? RETURNING id, status, attempts, run_at")
      .get(job.id);
  } else if (job.attempts >= MAX_ATTEMPTS) {
    // A dead letter: kept, with its error, for a person to look at.
    outcome = db
      .prepare("UPDATE jobs SET status = 'dead', last_error = ? WHERE id = ? RETURNING id, status, attempts, run_at")
      .get(problem, job.id);
  } else {
    const wait = FIRST_RETRY_SECONDS * 2 ** (job.attempts - 1); // 30 s, 60 s, 120 s, 240 s
    outcome = db
      .prepare(`UPDATE jobs SET status = 'queued', last_error = ?, run_at = datetime('now', ? || ' seconds')
                WHERE id = ? RETURNING id, status, attempts, run_at`)
      .get(problem, wait, job.id);
  }
  res.json(outcome);
});
