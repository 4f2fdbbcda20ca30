const multer = require("multer");

// TODO: multer keeps the upload in memory; give it a limit of 2000 bytes per file.
const upload = multer();

// POST /imports: one CSV file in the form field "file" (see the README).
// - no file, or an empty one: 400
// - the first line is not exactly name,email: 415 (whatever type the client declared)
// - 1 to 50 rows, each with a name and an email: otherwise 422 (with the bad line numbers)
// - all rows in one transaction, with the cleaned filename, then 201 { id, imported }
app.post("/imports", upload.single("file"), (req, res) => {
  res.status(501).json({ error: "not written yet" });
});

// GET /imports/:id/file: the stored CSV as a download (attachment, text/csv, nosniff), or 404.
app.get("/imports/:id/file", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});

// TODO: an error handler for multer's errors: 413 for a file that is too large, 400 for the others.
