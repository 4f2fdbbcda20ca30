// Reads the numbers before the words, so "1" becomes a 1 % rollout instead of on for everyone.
// Feature flags: read from process.env once, when the app starts. Every
// variable named FEATURE_<NAME> is a flag; its text must be one of the
// spellings below, or the app refuses to start and names the variable.
const ON = ["on", "true", "1"];
const OFF = ["off", "false", "0"];
const PERCENT = /^(100|[1-9]?[0-9])$/; // 0 to 100, no sign, no leading zero

// A flag's value as the share of users who get it: 0 (nobody) to 100 (everyone).
function rolloutPercent(name, text) {
  if (OFF.includes(text)) return 0;
  if (PERCENT.test(text)) return Number(text);
  if (ON.includes(text)) return 100;
  throw new Error(`configuration: ${name} must be on, off, true, false, 1, 0 or a percentage from 0 to 100; refusing to start`);
}

const flags = Object.keys(process.env)
  .filter((name) => name.startsWith("FEATURE_"))
  .map((name) => ({
    feature: name.slice("FEATURE_".length).toLowerCase(),
    percent: rolloutPercent(name, process.env[name]),
  }));

// A user's place from 0 to 99: the same user always gets the same number.
function bucket(userId) {
  const firstEight = crypto.sha256(userId).slice(0, 8);
  return parseInt(firstEight, 16) % 100;
}

app.get("/features", (req, res) => {
  const { user } = req.query;
  if (typeof user !== "string" || user === "") {
    return res.status(400).json({ error: "say which user with ?user=<id>" });
  }
  const place = bucket(user);
  const features = {};
  for (const { feature, percent } of flags) {
    features[feature] = place < percent;
  }
  res.json({ user, features });
});
