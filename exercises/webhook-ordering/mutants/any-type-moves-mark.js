// Counts an event of any type as the last applied one: a trial_will_end at 08:55 blocks the past_due from 08:50 that arrives after it.
// Which status each event type sets. A Map, so that a type such as
// "constructor" finds nothing, as it should.
const STATUS_FOR = new Map([
  ["subscription.activated", "active"],
  ["subscription.past_due", "past_due"],
  ["subscription.canceled", "canceled"],
]);
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/; // 2026-01-01T08:58:00Z

function hasRightToken(req) {
  const token = req.get("X-Webhook-Token");
  return typeof token === "string" && crypto.timingSafeEqual(token, process.env.WEBHOOK_TOKEN);
}

function isEvent(event) {
  return (
    typeof event?.id === "string" &&
    event.id !== "" &&
    typeof event.type === "string" &&
    typeof event.subscription_id === "string" &&
    typeof event.occurred_at === "string" &&
    UTC_TIME.test(event.occurred_at)
  );
}

const storeEvent = db.prepare(`
  INSERT INTO subscription_events (id, subscription_id, type, occurred_at)
  VALUES (:id, :subscription_id, :type, :occurred_at)
  ON CONFLICT (id) DO NOTHING`);

// Applies the status only when this event comes after the last applied one:
// a later occurred_at, or the same one and a greater id. Times written in the
// same UTC form compare correctly as text.
const applyIfNewer = db.prepare(`
  UPDATE subscriptions
  SET status = :status, last_event_at = :occurred_at, last_event_id = :id
  WHERE id = :subscription_id
    AND (last_event_at IS NULL
         OR last_event_at < :occurred_at
         OR (last_event_at = :occurred_at AND last_event_id < :id))`);

// true when this delivery changed the subscription's status.
const handleEvent = db.transaction((event) => {
  const { id, type, subscription_id, occurred_at } = event;
  if (storeEvent.run({ id, type, subscription_id, occurred_at }).changes === 0) return false; // a repeat
  const current = db.prepare("SELECT status FROM subscriptions WHERE id = ?").get(subscription_id).status;
  const status = STATUS_FOR.get(type) ?? current;
  return applyIfNewer.run({ id, status, subscription_id, occurred_at }).changes === 1 && STATUS_FOR.has(type);
});

app.post("/webhooks/billing", (req, res) => {
  if (!hasRightToken(req)) {
    return res.status(401).json({ error: "send the shared token in X-Webhook-Token" });
  }
  const event = req.body;
  if (!isEvent(event)) {
    return res.status(400).json({ error: "an event needs an id, a type, a subscription_id and an occurred_at like 2026-01-01T08:58:00Z" });
  }
  const known = db.prepare("SELECT 1 FROM subscriptions WHERE id = ?").get(event.subscription_id);
  if (!known) return res.status(404).json({ error: "there is no such subscription" });

  const applied = handleEvent(event);
  res.json({ received: true, applied });
});
