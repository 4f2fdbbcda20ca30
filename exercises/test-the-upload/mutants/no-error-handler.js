// multer's errors reach no handler of the app, so a file that is too large is a 500
const multer = require("multer");

const MAX_BYTES = 1000;
const PNG_SIGNATURE = "\u0089PNG\r\n\u001a\n";

// In memory, one file in the field "avatar"; over 1000 bytes is a MulterError.
const upload = multer({ limits: { fileSize: MAX_BYTES } });

// The content decides what a file is, never the type the client declared.
function detectType(text) {
  if (text.startsWith(PNG_SIGNATURE)) return "image/png";
  if (/^(<\?xml[^>]*\?>\s*)?<svg[\s/>]/.test(text.trimStart())) return "image/svg+xml";
  return null;
}

// The client's name is only a label: safe characters, no leading dots, 50 at most.
function cleanFilename(original) {
  const name = original
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 50);
  return name || "avatar";
}

app.post("/avatars", upload.single("avatar"), (req, res) => {
  const file = req.file;
  if (!file || file.size === 0) {
    return res.status(400).json({ error: 'attach an image in the form field "avatar"' });
  }
  const content = file.buffer.toString();
  const type = detectType(content);
  if (!type) {
    return res.status(415).json({ error: "an avatar must be an SVG or a PNG image" });
  }
  const filename = cleanFilename(file.originalname);
  const { lastInsertRowid } = db
    .prepare("INSERT INTO avatars (filename, type, size, content) VALUES (?, ?, ?, ?)")
    .run(filename, type, file.size, content);
  res.status(201).json({ id: lastInsertRowid, filename, type, size: file.size });
});
