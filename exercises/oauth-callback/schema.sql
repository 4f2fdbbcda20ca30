-- Local accounts. Grace signed up with a password before "Log in with
-- Lantern ID" existed; Alan has logged in with Lantern ID before.
CREATE TABLE users (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE
);
-- Which provider account belongs to which local user. A provider account
-- is named by the provider and its `sub` claim, the subject.
CREATE TABLE identities (
  provider TEXT NOT NULL,
  subject  TEXT NOT NULL,
  user_id  INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (provider, subject)
);
-- Your own sessions: crypto.sha256 of the sid cookie's token, never the
-- token itself; expires_at in SQLite's format ('2026-01-08 09:00:00').
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  expires_at TEXT NOT NULL
);
