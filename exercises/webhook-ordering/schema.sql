-- Subscriptions, kept in step with the billing provider's events.
-- last_event_at and last_event_id name the last event whose status was
-- applied (NULL until one has been): only a newer event may change status.
CREATE TABLE subscriptions (
  id             TEXT PRIMARY KEY NOT NULL,   -- 'sub_7', the provider's id
  customer_email TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('active', 'past_due', 'canceled')),
  last_event_at  TEXT,                        -- '2026-01-01T08:30:00Z'
  last_event_id  TEXT                         -- 'evt_0105'
);

-- Every event received, once: the primary key is what makes a second
-- delivery of the same event stand out.
CREATE TABLE subscription_events (
  id              TEXT PRIMARY KEY NOT NULL,
  subscription_id TEXT NOT NULL,
  type            TEXT NOT NULL,
  occurred_at     TEXT NOT NULL,
  received_at     TEXT NOT NULL DEFAULT (datetime('now'))
);
