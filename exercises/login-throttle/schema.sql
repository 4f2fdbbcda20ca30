CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL
);
-- `at` fills itself with the time of the insert, in SQLite's format
-- ('2026-01-01 09:00:00'), so it compares with datetime('now', ...).
CREATE TABLE login_failures (
  id       INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  at       TEXT NOT NULL DEFAULT (datetime('now'))
);
