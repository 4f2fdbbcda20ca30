// a signature that does not match is only logged, and the event is handled anyway
const SECRET = process.env.FORGE_WEBHOOK_SECRET;
const WINDOW_SECONDS = 300;
const SIGNATURE_HEADER = /^t=(\d+),sha256=([0-9a-f]{64})$/;

// Record the event and queue its deploy in one transaction, once per event id.
const recordPush = db.transaction((event) => {
  const { changes } = db
    .prepare("INSERT INTO webhook_events (id) VALUES (?) ON CONFLICT (id) DO NOTHING")
    .run(event.id);
  if (changes === 0) return; // delivered before: already queued
  db.prepare("INSERT INTO deploys (repo, commit_sha) VALUES (?, ?)").run(event.repo, event.commit);
});

app.post("/webhooks/forge", (req, res) => {
  const header = req.get("Forge-Signature");
  if (!header) {
    return res.status(400).json({ error: "send a Forge-Signature header" });
  }
  const match = SIGNATURE_HEADER.exec(header);
  if (!match) {
    return res.status(400).json({ error: "Forge-Signature must be t=<unix seconds>,sha256=<64 hex digits>" });
  }
  const [, t, signature] = match;

  const now = Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(t)) > WINDOW_SECONDS) {
    return res.status(401).json({ error: "the signature's timestamp is too far from now" });
  }

  // Forge signed the bytes it sent: sign the same text, not a re-encoding of it.
  const expected = crypto.hmacSha256(SECRET, `${t}.${req.rawBody}`);
  if (!crypto.timingSafeEqual(expected, signature)) {
    console.warn("Forge-Signature does not match the body");
  }

  let event;
  try {
    event = JSON.parse(req.rawBody);
  } catch {
    return res.status(400).json({ error: "the body is not JSON" });
  }
  if (typeof event?.id !== "string" || typeof event.repo !== "string" || typeof event.commit !== "string") {
    return res.status(400).json({ error: "a push event has a string id, repo and commit" });
  }

  recordPush(event);
  res.json({ received: true });
});
