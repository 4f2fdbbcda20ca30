// Says "no account with that address": anyone can find out who has an account.
const MAIL_URL = "https://api.mail.example/v1/messages";
const SAME_ANSWER = { message: "If that address has an account, a reset link is on its way." };

// Emails the link. A failure is logged for us and never changes the answer.
async function sendResetLink(to, token) {
  const link = `${process.env.APP_URL}/reset?token=${token}`;
  try {
    const answer = await fetch(MAIL_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.MAIL_KEY}` },
      body: JSON.stringify({
        to,
        subject: "Reset your password",
        text: `Choose a new password within 30 minutes: ${link}\nIf you did not ask for this, ignore this email.`,
      }),
    });
    if (!answer.ok) console.error(`the mail provider answered ${answer.status}`);
  } catch (error) {
    console.error(`the mail provider could not be reached: ${error.message}`);
  }
}

app.post("/password-reset", async (req, res) => {
  const { email } = req.body;
  if (typeof email !== "string") return res.status(400).json({ error: "send the email address of your account" });
  const user = db.prepare("SELECT id, email FROM users WHERE email = ?").get(email);
  if (user) {
    const token = crypto.randomToken(16);
    db.prepare("DELETE FROM password_resets WHERE user_id = ?").run(user.id); // only the newest link works
    db.prepare(
      "INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (?, ?, datetime('now', '+30 minutes'))",
    ).run(crypto.sha256(token), user.id);
    await sendResetLink(user.email, token);
  }
  if (!user) return res.status(404).json({ error: "there is no account with that address" });
  res.status(202).json(SAME_ANSWER);
});

const finishReset = db.transaction((userId, passwordHash) => {
  db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, userId);
  db.prepare("DELETE FROM password_resets WHERE user_id = ?").run(userId); // the link works once
  db.prepare("DELETE FROM sessions WHERE user_id = ?").run(userId); // whoever was signed in is signed out
});

app.post("/password-reset/confirm", (req, res) => {
  const { token, password } = req.body;
  if (typeof password !== "string" || password.length < 10) {
    return res.status(400).json({ error: "the new password needs at least 10 characters" });
  }
  const reset =
    typeof token === "string"
      ? db
          .prepare("SELECT user_id FROM password_resets WHERE token_hash = ? AND expires_at > datetime('now')")
          .get(crypto.sha256(token))
      : undefined;
  if (!reset) return res.status(400).json({ error: "this link is invalid or has expired; ask for a new one" });
  finishReset(reset.user_id, crypto.hashPassword(password));
  res.status(204).end();
});
