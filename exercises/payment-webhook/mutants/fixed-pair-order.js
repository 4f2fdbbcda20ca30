// Reads t and v1 by position, so a header with its pairs in another order (or with an extra pair) is refused.
const TOLERANCE_SECONDS = 300;

// The pairs of a header such as "t=1767258000,v1=5f2c…", or null when t
// (digits only) or v1 is missing.
function readSignatureHeader(header) {
  const pairs = {};
  const [first, second] = header.split(",");
  if (first?.startsWith("t=")) pairs.t = first.slice(2);
  if (second?.startsWith("v1=")) pairs.v1 = second.slice(3);
  if (!/^\d+$/.test(pairs.t) || typeof pairs.v1 !== "string") return null;
  return { t: pairs.t, v1: pairs.v1 };
}

// Record the event and act on it in one transaction: if the update fails,
// the event is not written down as handled, and the provider's retry works.
const handleEvent = db.transaction((event) => {
  const { changes } = db
    .prepare("INSERT INTO webhook_events (id, type) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
    .run(event.id, event.type);
  if (changes === 0) return; // seen before: already handled
  if (event.type === "payment.succeeded") {
    db.prepare("UPDATE orders SET status = 'paid', paid_at = datetime('now') WHERE id = ?")
      .run(event.data.order_id);
  }
});

app.post("/webhooks/payments", (req, res) => {
  const header = req.get("Pay-Signature");
  const signature = header ? readSignatureHeader(header) : null;
  if (!signature) {
    return res.status(400).json({ error: "send a Pay-Signature header: t=<unix seconds>,v1=<hex>" });
  }

  const now = Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(signature.t)) > TOLERANCE_SECONDS) {
    return res.status(401).json({ error: "the signature's timestamp is too far from now" });
  }

  // The provider signed the bytes it sent: sign the same text, never a re-encoding.
  const expected = crypto.hmacSha256(process.env.WEBHOOK_SECRET, `${signature.t}.${req.rawBody}`);
  if (!crypto.timingSafeEqual(expected, signature.v1)) {
    return res.status(401).json({ error: "the signature does not match" });
  }

  let event;
  try {
    event = JSON.parse(req.rawBody);
  } catch {
    return res.status(400).json({ error: "the body is not JSON" });
  }
  if (typeof event?.id !== "string" || typeof event.type !== "string") {
    return res.status(400).json({ error: "an event needs a string id and type" });
  }

  handleEvent(event);
  res.json({ received: true });
});
