const MIGRATIONS = [
  [1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"],
  [2, "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"],
  [3, "UPDATE notes SET pinned = 1 WHERE body LIKE 'Call%'"],
];

db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)");
const done = new Set(
  db.prepare("SELECT version FROM schema_migrations").all().map((row) => row.version),
);
const apply = db.transaction((version, sql) => {
  db.exec(sql);
  db.prepare("INSERT INTO schema_migrations (version) VALUES (?)").run(version);
});
for (const [version, sql] of MIGRATIONS) {
  if (!done.has(version)) apply(version, sql);
}

app.get("/notes", (req, res) => {
  res.json(db.prepare("SELECT id, body, pinned FROM notes ORDER BY id").all());
});
