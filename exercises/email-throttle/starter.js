const MAIL_URL = "https://api.mail.example/v1/messages";

// POST /login-link {"email": "..."}:
// 1. Trim and lowercase the address; refuse anything not shaped like an email with 400.
// 2. At most 3 sends per address and 20 in total in the last hour (table
//    login_link_sends): otherwise 429 with Retry-After, the seconds until the
//    oldest counted send is an hour old.
// 3. POST {"to": address, "template": "login-link"} to MAIL_URL with your
//    API key; a failure is a 502.
// 4. Record the send and answer 202 {"sent": true}.
app.post("/login-link", async (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
