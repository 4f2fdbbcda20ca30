-- Yesterday's sends: long out of the window, they count for nothing today.
INSERT INTO login_link_sends (email, sent_at) VALUES
  ('ada@example.com', '2025-12-31 21:14:00'),
  ('ada@example.com', '2025-12-31 21:15:00'),
  ('grace@example.com', '2025-12-31 22:40:00');
