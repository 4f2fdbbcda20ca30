// POST /webhooks/payments: the payment provider tells you about a payment (see the README).
//
// 1. Read the Pay-Signature header: "t=<unix seconds>,v1=<hex>". Missing or malformed: 400.
// 2. t more than 300 seconds away from now (Math.floor(Date.now() / 1000)): 401.
// 3. v1 must equal the HMAC-SHA256 of `${t}.${req.rawBody}` with process.env.WEBHOOK_SECRET
//    (crypto.hmacSha256, compared with crypto.timingSafeEqual). If not: 401.
// 4. The body must be JSON with a string id and type: otherwise 400.
// 5. In one transaction: record the event in webhook_events; if its id was already there,
//    do nothing more. For "payment.succeeded", mark order data.order_id paid.
// 6. Answer 200 with { "received": true }.
app.post("/webhooks/payments", (req, res) => {
  // TODO
  res.status(501).json({ error: "not written yet" });
});
