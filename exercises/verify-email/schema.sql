-- The garden's members. verified_at is NULL until the member opens the
-- link emailed at sign-up; then it holds when, in SQLite's format
-- ('2026-01-01 09:00:00').
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  verified_at   TEXT
);
-- One row per emailed link. token_hash: crypto.sha256 of the token in the
-- link, never the token itself. expires_at: in SQLite's format, so it
-- compares with datetime('now').
CREATE TABLE email_verifications (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  expires_at TEXT NOT NULL
);
