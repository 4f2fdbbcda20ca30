CREATE TABLE entries (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  message    TEXT NOT NULL,
  created_at TEXT NOT NULL   -- UTC, as toISOString() writes it
);
