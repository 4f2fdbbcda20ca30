// GET /shared lists every share in the database, not only the user's.
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

const COOKIE = { httpOnly: true, sameSite: "lax", path: "/" };

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

function ownNote(req, res, next) {
  const note = db
    .prepare("SELECT id, title, body FROM notes WHERE id = ? AND owner_id = ?")
    .get(Number(req.params.id), req.user.id);
  if (!note) return res.status(404).json({ error: "no such note" });
  req.note = note;
  next();
}

function noteProblem(title, body) {
  if (typeof title !== "string" || title.trim() === "" || title.length > 200) {
    return "a note needs a title of 1 to 200 characters";
  }
  if (body !== undefined && typeof body !== "string") return "the body must be text";
  return null;
}

app.post("/notes", requireUser, (req, res) => {
  const { title, body = "" } = req.body;
  const problem = noteProblem(title, body);
  if (problem) return res.status(400).json({ error: problem });
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO notes (owner_id, title, body) VALUES (?, ?, ?)")
    .run(req.user.id, title, body);
  res.status(201).set("Location", `/notes/${id}`).json({ id, title, body });
});

function count(text, fallback, smallest) {
  if (text === undefined) return fallback;
  const n = Number(text);
  return text !== "" && Number.isInteger(n) && n >= smallest ? n : null;
}

app.get("/notes", requireUser, (req, res) => {
  const limit = count(req.query.limit, 20, 1);
  const offset = count(req.query.offset, 0, 0);
  if (limit === null || offset === null) {
    return res.status(400).json({ error: "limit and offset are whole numbers (limit from 1)" });
  }
  const where = ["owner_id = ?"];
  const values = [req.user.id];
  if (typeof req.query.q === "string" && req.query.q !== "") {
    where.push("(title LIKE ? OR body LIKE ?)");
    const pattern = `%${req.query.q}%`;
    values.push(pattern, pattern);
  }
  const clause = where.join(" AND ");
  const items = db
    .prepare(`SELECT id, title, body FROM notes WHERE ${clause} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...values, Math.min(limit, 100), offset);
  const { total } = db.prepare(`SELECT count(*) AS total FROM notes WHERE ${clause}`).get(...values);
  res.json({ items, total });
});

app.get("/notes/:id", requireUser, ownNote, (req, res) => {
  res.json(req.note);
});

app.patch("/notes/:id", requireUser, ownNote, (req, res) => {
  const title = req.body.title ?? req.note.title;
  const body = req.body.body ?? req.note.body;
  const problem = noteProblem(title, body);
  if (problem) return res.status(400).json({ error: problem });
  db.prepare("UPDATE notes SET title = ?, body = ? WHERE id = ?").run(title, body, req.note.id);
  res.json({ id: req.note.id, title, body });
});

app.delete("/notes/:id", requireUser, ownNote, (req, res) => {
  db.prepare("DELETE FROM notes WHERE id = ?").run(req.note.id);
  res.status(204).end();
});

const share = db.transaction((note, owner, recipient) => {
  db.prepare("INSERT OR IGNORE INTO shares (note_id, user_id) VALUES (?, ?)").run(note.id, recipient.id);
  db.prepare("INSERT INTO outbox (kind, recipient, payload) VALUES ('email', ?, ?)").run(
    recipient.email,
    JSON.stringify({ template: "note_shared", note_id: note.id, from: owner.email }),
  );
});

app.post("/notes/:id/shares", requireUser, ownNote, (req, res) => {
  const email = String(req.body.email ?? "").trim().toLowerCase();
  const recipient = db.prepare("SELECT id, email FROM users WHERE email = ?").get(email);
  if (!recipient) return res.status(404).json({ error: "there is no account for this email" });
  if (recipient.id === req.user.id) return res.status(400).json({ error: "you already own this note" });
  share(req.note, req.user, recipient);
  res.status(201).json({ note_id: req.note.id, email: recipient.email });
});

app.get("/shared", requireUser, (req, res) => {
  res.json(
    db
      .prepare(
        `SELECT n.id, n.title, n.body, u.email AS owner
         FROM shares AS s JOIN notes AS n ON n.id = s.note_id JOIN users AS u ON u.id = n.owner_id
         ORDER BY n.id`,
      )
      .all(),
  );
});
