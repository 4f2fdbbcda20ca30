CREATE TABLE posts (
  id         INTEGER PRIMARY KEY,
  author     TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL  -- UTC, as toISOString() writes it: 2025-12-19T12:00:00.000Z
);

-- The feed's order, so a page after a cursor starts with a jump, not a scan.
CREATE INDEX posts_feed ON posts (created_at, id);
