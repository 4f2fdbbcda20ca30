-- One row per login link the mail provider accepted. email is the address
-- as it was sent: trimmed and lowercased. sent_at fills itself in, in
-- SQLite's format ('2026-01-01 09:00:00', UTC), so it compares with
-- datetime('now', ...).
CREATE TABLE login_link_sends (
  id      INTEGER PRIMARY KEY,
  email   TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX login_link_sends_by_email ON login_link_sends (email, sent_at);
