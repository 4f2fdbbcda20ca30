const MAIL_URL = "https://api.mail.example/v1/messages";

// POST /jobs: check email, order_id and delay_seconds (see the README), insert a
// queued job whose run_at is now + delay_seconds, and answer 202 with it.
app.post("/jobs", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});

// POST /worker/run:
// 1. Claim the oldest due job in ONE statement (UPDATE ... RETURNING): status
//    'running', attempts + 1. No job due: 204.
// 2. POST it to MAIL_URL with the header Idempotency-Key: job-<id>.
// 3. A 2xx answer: 'done'. Anything else: back to 'queued' with a later run_at
//    (30 s, then 60, 120, 240), or 'dead' after the 5th attempt.
// 4. Answer 200 with the job's id, status, attempts and run_at.
app.post("/worker/run", async (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
