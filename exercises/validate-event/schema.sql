CREATE TABLE events (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL,
  date  TEXT NOT NULL,     -- YYYY-MM-DD
  seats INTEGER NOT NULL,
  price INTEGER NOT NULL DEFAULT 0  -- in cents, set by the organisers only
);
