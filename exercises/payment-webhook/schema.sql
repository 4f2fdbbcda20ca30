CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  total_cents INTEGER NOT NULL CHECK (total_cents > 0),
  status      TEXT NOT NULL DEFAULT 'unpaid' CHECK (status IN ('unpaid', 'paid')),
  paid_at     TEXT
);

-- One row per event the provider sent and you handled. The primary key is
-- what makes a second delivery of the same event stand out.
CREATE TABLE webhook_events (
  id          TEXT PRIMARY KEY NOT NULL,
  type        TEXT NOT NULL,
  received_at TEXT NOT NULL DEFAULT (datetime('now'))
);
