// The sid cookie has no SameSite: another site's form can ride on the session.
app.post("/signup", (req, res) => {
  const { email, password } = req.body;
  if (typeof email !== "string" || !email.includes("@")) {
    return res.status(400).json({ error: "send an email address" });
  }
  if (typeof password !== "string" || password.length < 10) {
    return res.status(400).json({ error: "a password needs at least 10 characters" });
  }
  const clean = email.trim().toLowerCase();
  if (db.prepare("SELECT 1 FROM users WHERE email = ?").get(clean)) {
    return res.status(409).json({ error: "there is already an account for this email" });
  }
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO users (email, password_hash) VALUES (?, ?)")
    .run(clean, crypto.hashPassword(password));
  res.status(201).json({ id, email: clean });
});

const COOKIE = { httpOnly: true, path: "/" };

function sessionUser(req) {
  return db
    .prepare("SELECT u.id, u.email FROM sessions AS s JOIN users AS u ON u.id = s.user_id WHERE s.token = ?")
    .get(req.cookies.sid ?? "");
}

function requireUser(req, res, next) {
  req.user = sessionUser(req);
  if (!req.user) return res.status(401).json({ error: "log in first" });
  next();
}

app.post("/login", (req, res) => {
  const { email, password } = req.body;
  const user = db
    .prepare("SELECT id, email, password_hash FROM users WHERE email = ?")
    .get(String(email).trim().toLowerCase());
  if (!user || typeof password !== "string" || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json({ error: "wrong email or password" });
  }
  const token = crypto.randomToken();
  db.prepare("INSERT INTO sessions (token, user_id) VALUES (?, ?)").run(token, user.id);
  res.cookie("sid", token, COOKIE).json({ id: user.id, email: user.email });
});

app.get("/me", requireUser, (req, res) => {
  res.json(req.user);
});

app.post("/logout", (req, res) => {
  db.prepare("DELETE FROM sessions WHERE token = ?").run(req.cookies.sid ?? "");
  res.clearCookie("sid", COOKIE).status(204).end();
});
