// POST /webhooks/billing: the billing provider tells you about a subscription.
// 1. X-Webhook-Token must equal process.env.WEBHOOK_TOKEN (crypto.timingSafeEqual): else 401.
// 2. The body needs a string id, type and subscription_id, and an occurred_at
//    like "2026-01-01T08:58:00Z": else 400.
// 3. An unknown subscription_id: 404.
// 4. In one transaction: store the event once (a repeated id changes nothing),
//    and set the status only if the event comes after the subscription's
//    last applied one (see the README for ties).
// 5. Answer 200 with {"received": true, "applied": true or false}.
app.post("/webhooks/billing", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
