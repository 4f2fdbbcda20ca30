// Runs only versions above max(version), so a skipped migration never runs (and it uses no transaction).
const MIGRATIONS = [
  [1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"],
  [2, "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"],
  [3, "UPDATE notes SET pinned = 1 WHERE body LIKE 'Call%'"],
];
db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)");
const current = db.prepare("SELECT coalesce(max(version), 0) AS v FROM schema_migrations").get().v;
for (const [version, sql] of MIGRATIONS) {
  if (version <= current) continue;
  db.exec(sql);
  db.prepare("INSERT INTO schema_migrations (version) VALUES (?)").run(version);
}
app.get("/notes", (req, res) => {
  res.json(db.prepare("SELECT id, body, pinned FROM notes ORDER BY id").all());
});
