CREATE TABLE parcels (
  code       TEXT PRIMARY KEY,
  status     TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row for every 500 the app answers, so support can find it by request id.
CREATE TABLE error_log (
  id         INTEGER PRIMARY KEY,
  request_id TEXT NOT NULL,
  method     TEXT NOT NULL,
  path       TEXT NOT NULL,
  message    TEXT NOT NULL,
  logged_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
