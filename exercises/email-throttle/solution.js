const MAIL_URL = "https://api.mail.example/v1/messages";
const PER_ADDRESS = 3; // links per address per hour
const IN_TOTAL = 20; // links per hour, all addresses together
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// How many sends are still in the window (younger than one hour), and how many
// seconds until the oldest of them leaves it: its sent_at + 3600 - now.
const WINDOW = `sent_at > datetime('now', '-1 hour')`;
const addressSends = db.prepare(`
  SELECT COUNT(*) AS sends, unixepoch(MIN(sent_at)) + 3600 - unixepoch('now') AS wait
  FROM login_link_sends WHERE email = ? AND ${WINDOW}`);
const allSends = db.prepare(`
  SELECT COUNT(*) AS sends, unixepoch(MIN(sent_at)) + 3600 - unixepoch('now') AS wait
  FROM login_link_sends WHERE ${WINDOW}`);

function tooMany(res, wait) {
  res.set("Retry-After", String(wait));
  return res.status(429).json({ error: "too many login links for now; try again later" });
}

app.post("/login-link", async (req, res) => {
  const { email } = req.body;
  // " Ada@Example.COM " and "ada@example.com" are one inbox, so they share one limit.
  const address = typeof email === "string" ? email.trim().toLowerCase() : "";
  if (!EMAIL_SHAPE.test(address)) {
    return res.status(400).json({ error: "send an email address such as ada@example.com" });
  }

  // The address first: when both limits are reached, its wait is the longer one.
  const mine = addressSends.get(address);
  if (mine.sends >= PER_ADDRESS) return tooMany(res, mine.wait);
  const everyone = allSends.get();
  if (everyone.sends >= IN_TOTAL) return tooMany(res, everyone.wait);

  const answer = await fetch(MAIL_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.MAIL_API_KEY}` },
    body: JSON.stringify({ to: address, template: "login-link" }),
  });
  if (!answer.ok) {
    console.error(`mail provider answered ${answer.status}`);
    return res.status(502).json({ error: "we could not send the link just now; try again later" });
  }

  // Only a send the provider took counts against the limits.
  db.prepare("INSERT INTO login_link_sends (email) VALUES (?)").run(address);
  res.status(202).json({ sent: true });
});
