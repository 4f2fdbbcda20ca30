// Stores the token itself: whoever reads the table can confirm any pending address.
const MAIL_URL = "https://api.postbox.example/v1/emails";
const SIGNED_UP = { message: "Check your inbox: we sent you a link to confirm your address." };
const REFUSED = { error: "wrong email or password" };

const isFilledText = (value) => typeof value === "string" && value !== "";

// One email through the provider, by template. The links come from APP_URL,
// never from the request's Host header.
function sendEmail(to, template, data) {
  return fetch(MAIL_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.MAIL_KEY}` },
    body: JSON.stringify({ to, template, data }),
  });
}

app.post("/signup", async (req, res) => {
  const { email, password } = req.body;
  if (typeof email !== "string" || !email.includes("@")) {
    return res.status(400).json({ error: "send your email address" });
  }
  if (typeof password !== "string" || password.length < 10) {
    return res.status(400).json({ error: "choose a password of at least 10 characters" });
  }
  const existing = db.prepare("SELECT id FROM users WHERE email = ?").get(email);
  if (existing) {
    // The same answer as a new sign-up; only the owner of the address learns more.
    await sendEmail(email, "account-exists", { login_link: `${process.env.APP_URL}/login` });
    return res.status(202).json(SIGNED_UP);
  }
  const passwordHash = crypto.hashPassword(password);
  const token = crypto.randomToken();
  const { lastInsertRowid: userId } = db
    .prepare("INSERT INTO users (email, password_hash, verified_at) VALUES (?, ?, NULL)")
    .run(email, passwordHash);
  db.prepare(
    "INSERT INTO email_verifications (token_hash, user_id, expires_at) VALUES (?, ?, datetime('now', '+24 hours'))",
  ).run(token, userId);
  await sendEmail(email, "verify-email", { link: `${process.env.APP_URL}/verify?token=${token}` });
  res.status(202).json(SIGNED_UP);
});

const markVerified = db.transaction((tokenHash, userId) => {
  db.prepare("UPDATE users SET verified_at = datetime('now') WHERE id = ?").run(userId);
  db.prepare("DELETE FROM email_verifications WHERE token_hash = ?").run(tokenHash); // the link works once
});

app.get("/verify", (req, res) => {
  const { token } = req.query;
  const tokenHash = isFilledText(token) ? token : "";
  const row = db
    .prepare(
      "SELECT v.user_id, u.email FROM email_verifications AS v JOIN users AS u ON u.id = v.user_id WHERE v.token_hash = ? AND v.expires_at > datetime('now')",
    )
    .get(tokenHash);
  if (!row) return res.status(400).json({ error: "this link is invalid, used or expired" });
  markVerified(tokenHash, row.user_id);
  res.json({ email: row.email, verified: true });
});

app.post("/login", (req, res) => {
  const { email, password } = req.body;
  if (!isFilledText(email) || !isFilledText(password)) {
    return res.status(400).json({ error: "send your email and password" });
  }
  const user = db.prepare("SELECT id, email, password_hash, verified_at FROM users WHERE email = ?").get(email);
  if (!user || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json(REFUSED);
  }
  // Only someone who knows the password learns that the address is unconfirmed.
  if (user.verified_at === null) {
    return res.status(403).json({ error: "confirm your email address first: open the link we sent you" });
  }
  res.json({ id: user.id, email: user.email });
});
