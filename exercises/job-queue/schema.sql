-- A queue of receipt emails to send. Times are UTC text, 'YYYY-MM-DD HH:MM:SS',
-- as SQLite's datetime('now') writes them.
CREATE TABLE jobs (
  id         INTEGER PRIMARY KEY,
  email      TEXT NOT NULL,                 -- who gets the receipt
  order_id   INTEGER NOT NULL,              -- which order it is for
  status     TEXT NOT NULL DEFAULT 'queued'
             CHECK (status IN ('queued', 'running', 'done', 'dead')),
  attempts   INTEGER NOT NULL DEFAULT 0,    -- how many times a worker has tried it
  run_at     TEXT NOT NULL DEFAULT (datetime('now')),  -- not to be run before this
  last_error TEXT                           -- what went wrong the last time, if anything
);
