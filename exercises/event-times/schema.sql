CREATE TABLE events (
  id        INTEGER PRIMARY KEY,
  title     TEXT NOT NULL,
  starts_at TEXT NOT NULL   -- UTC, as toISOString() writes it: 2026-02-28T22:30:00.000Z
);
