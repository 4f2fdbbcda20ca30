-- sub_7 was activated by event evt_0105 at 08:30. sub_8 was set up by hand,
-- so no event has been applied to it yet. sub_6 fell behind on payment at 07:00.
INSERT INTO subscriptions (id, customer_email, status, last_event_at, last_event_id) VALUES
  ('sub_6', 'linus@example.com', 'past_due', '2026-01-01T07:00:00Z', 'evt_0090'),
  ('sub_7', 'ada@example.com', 'active', '2026-01-01T08:30:00Z', 'evt_0105'),
  ('sub_8', 'grace@example.com', 'active', NULL, NULL);

INSERT INTO subscription_events (id, subscription_id, type, occurred_at, received_at) VALUES
  ('evt_0090', 'sub_6', 'subscription.past_due', '2026-01-01T07:00:00Z', '2026-01-01 07:00:02'),
  ('evt_0105', 'sub_7', 'subscription.activated', '2026-01-01T08:30:00Z', '2026-01-01 08:30:01');
