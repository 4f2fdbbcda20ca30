CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL
);

-- One row per logged-in session, shared by every copy of the app.
-- token_hash: crypto.sha256 of the token in the sid cookie, never the token itself.
-- expires_at: when the session ends, in seconds since 1970 (as SQLite's unixepoch() gives it).
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  expires_at INTEGER NOT NULL
);
