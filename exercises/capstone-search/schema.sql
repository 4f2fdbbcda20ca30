-- The notes service's database: every table the capstone needs.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL
);
CREATE TABLE sessions (
  token   TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE
);
CREATE TABLE notes (
  id       INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title    TEXT NOT NULL,
  body     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE shares (
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, user_id)
);
CREATE TABLE outbox (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL,
  recipient TEXT NOT NULL,
  payload   TEXT NOT NULL,
  sent      INTEGER NOT NULL DEFAULT 0
);
