CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL
);

-- One row per failed login. `at` fills itself in SQLite's format
-- ('2026-01-01 09:00:00'), so it compares with datetime('now', ...).
CREATE TABLE failed_logins (
  id       INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  ip       TEXT NOT NULL,
  at       TEXT NOT NULL DEFAULT (datetime('now'))
);
