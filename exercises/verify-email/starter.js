// POST /signup stores an unverified user and emails a link; GET /verify confirms the
// address once; POST /login lets in verified users only (see the README).
const MAIL_URL = "https://api.postbox.example/v1/emails";

app.post("/signup", async (req, res) => {
  const { email, password } = req.body;
  // TODO: 400 unless email is a string with "@" and password a string of 10+ characters.
  // TODO: an address that is already a user's: email it the "account-exists" template.
  // TODO: a new address: hash the password, then make crypto.randomToken(); insert the
  //       user (verified_at NULL) and crypto.sha256(token) in email_verifications,
  //       expiring in 24 hours; email the "verify-email" template with the link.
  // TODO: both cases answer the same 202.
  res.status(501).json({ error: "not written yet" });
});

app.get("/verify", (req, res) => {
  const { token } = req.query;
  // TODO: find the unexpired row for crypto.sha256(token); 400 when there is none.
  // TODO: set the user's verified_at, delete the row, answer { email, verified: true }.
  res.status(501).json({ error: "not written yet" });
});

app.post("/login", (req, res) => {
  const { email, password } = req.body;
  // TODO: 400 without both; 401 for an unknown email or a wrong password;
  //       403 for the right password of an unverified user; else 200 { id, email }.
  res.status(501).json({ error: "not written yet" });
});
