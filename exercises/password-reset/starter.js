// POST /password-reset emails a single-use link; POST /password-reset/confirm sets the new password (see the README).
const MAIL_URL = "https://api.mail.example/v1/messages";

app.post("/password-reset", async (req, res) => {
  const { email } = req.body;
  // TODO: 400 without an email. For a user's address: delete their earlier
  //       tokens, store crypto.sha256 of a new crypto.randomToken(16) that
  //       expires in 30 minutes, and email the link through MAIL_URL.
  // TODO: answer exactly the same 202 whether the address has an account or not.
  res.status(501).json({ error: "not written yet" });
});

app.post("/password-reset/confirm", async (req, res) => {
  const { token, password } = req.body;
  // TODO: 400 for a password under 10 characters, and for a token that is
  //       unknown, used or expired. Otherwise set the new password hash,
  //       delete the user's tokens and sessions, and answer 204.
  res.status(501).json({ error: "not written yet" });
});
