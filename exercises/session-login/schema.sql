CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL
);
-- token_hash: crypto.sha256 of the cookie's token, never the token itself.
-- expires_at: in SQLite's format ('2026-01-01 11:00:00'), so it compares
-- with datetime('now').
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  expires_at TEXT NOT NULL
);
