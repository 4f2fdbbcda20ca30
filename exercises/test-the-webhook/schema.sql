-- One row per event Forge delivered and the app handled. The primary key is
-- what makes a second delivery of the same event stand out.
CREATE TABLE webhook_events (
  id          TEXT PRIMARY KEY NOT NULL,
  received_at TEXT NOT NULL DEFAULT (datetime('now'))
);

-- The deploys waiting for the deploy worker (status 'queued') and done.
CREATE TABLE deploys (
  id         INTEGER PRIMARY KEY,
  repo       TEXT NOT NULL,
  commit_sha TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done'))
);
