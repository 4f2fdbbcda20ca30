-- Who gets a daily digest, and at which hour of the day (UTC) it is due.
CREATE TABLE users (
  id        INTEGER PRIMARY KEY,
  email     TEXT NOT NULL UNIQUE,
  send_hour INTEGER NOT NULL CHECK (send_hour BETWEEN 0 AND 23)  -- 0 to 23, in UTC
);

-- The queue of digests to build and send. A worker (not part of this
-- exercise) claims the queued rows. One user gets at most one digest a day:
-- day is the UTC date it is for, 'YYYY-MM-DD'.
CREATE TABLE digest_jobs (
  id        INTEGER PRIMARY KEY,
  user_id   INTEGER NOT NULL REFERENCES users(id),
  day       TEXT NOT NULL,
  status    TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead')),
  queued_at TEXT NOT NULL DEFAULT (datetime('now')),
  UNIQUE (user_id, day)
);
