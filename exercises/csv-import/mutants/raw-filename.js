// Stores the client's filename as it came: ../../etc/passwd goes into the table and into the download's header.
const multer = require("multer");

const MAX_BYTES = 2000;
const MAX_ROWS = 50;
const HEADER = "name,email";
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

// Kept in memory, never on disk; a file over 2000 bytes stops with a MulterError.
const upload = multer({ limits: { fileSize: MAX_BYTES } });

// The client's name for the file is only a label: keep letters, digits, dot,
// underscore and dash, no leading dots, at most 100 characters.
function safeFilename(original) {
  const name = original
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 100);
  return name || "upload.csv";
}

// The data rows with their line numbers (the header is line 1), or null when
// the first line is not the header: then this is not our kind of file.
function readRows(text) {
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  if (lines[0] !== HEADER) return null;
  const rows = [];
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === "") return;
    rows.push({ line: index + 1, fields: line.split(",").map((field) => field.trim()) });
  });
  return rows;
}

function isValidRow(fields) {
  if (fields.length !== 2) return false;
  const [name, email] = fields;
  return name !== "" && EMAIL.test(email);
}

const saveImport = db.transaction((filename, content, rows) => {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO imports (filename, content, row_count) VALUES (?, ?, ?)")
    .run(filename, content, rows.length);
  const addContact = db.prepare("INSERT INTO contacts (import_id, name, email) VALUES (?, ?, ?)");
  for (const [name, email] of rows) addContact.run(lastInsertRowid, name, email);
  return lastInsertRowid;
});

app.post("/imports", upload.single("file"), (req, res) => {
  const file = req.file;
  if (!file || file.size === 0) {
    return res.status(400).json({ error: 'send a CSV file in the form field "file"' });
  }
  const text = file.buffer.toString("utf8");
  const rows = readRows(text);
  if (!rows) {
    return res.status(415).json({ error: "this is not a CSV file with the header name,email" });
  }
  if (rows.length === 0 || rows.length > MAX_ROWS) {
    return res.status(422).json({ error: `a file must have 1 to ${MAX_ROWS} rows` });
  }
  const badLines = rows.filter((row) => !isValidRow(row.fields)).map((row) => row.line);
  if (badLines.length > 0) {
    return res.status(422).json({ error: "some rows are not valid; nothing was imported", lines: badLines });
  }
  const contacts = rows.map((row) => row.fields);
  const id = saveImport(file.originalname, text, contacts);
  res.status(201).json({ id, imported: contacts.length });
});

app.get("/imports/:id/file", (req, res) => {
  const stored = db.prepare("SELECT filename, content FROM imports WHERE id = ?").get(req.params.id);
  if (!stored) return res.status(404).json({ error: "there is no such import" });
  res.attachment(stored.filename);          // Content-Disposition: attachment; filename="..."
  res.type("text/csv");                     // what we checked it is, whatever the name says
  res.set("X-Content-Type-Options", "nosniff");
  res.send(stored.content);
});

// multer's errors: a file over the limit is 413, any other upload mistake 400.
app.use((err, req, res, next) => {
  if (!(err instanceof multer.MulterError)) return next(err);
  const status = err.code === "LIMIT_FILE_SIZE" ? 413 : 400;
  res.status(status).json({ error: err.message });
});
