// POST /contact: send the visitor's message to the team through the mail provider (see the README).
//
// 1. Validate req.body.name, email and message (strings, lengths, no line breaks in name
//    or email). Anything wrong: 400 with { error }, and no email is sent.
// 2. POST https://api.mail.example/v1/messages with the API key from process.env.MAIL_API_KEY.
//    "to" and "from" come from process.env; the visitor's address goes into "reply_to".
// 3. The provider answered 2xx: 202 with { sent: true }. Anything else: 502 with { error }.
app.post("/contact", async (req, res) => {
  // TODO
  res.status(501).json({ error: "not written yet" });
});
