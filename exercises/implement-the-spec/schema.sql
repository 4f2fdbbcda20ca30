CREATE TABLE rooms (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  capacity   INTEGER NOT NULL,
  floor      INTEGER NOT NULL DEFAULT 0,
  kind       TEXT NOT NULL DEFAULT 'meeting',
  has_screen INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
