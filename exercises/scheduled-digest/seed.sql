-- It is 09:00 UTC on 2026-01-01 and the cron has been ticking all night:
-- Alan (hour 0) and Ada (hour 7) already have today's digest queued and sent.
INSERT INTO users (id, email, send_hour) VALUES
  (1, 'ada@example.com', 7),
  (2, 'grace@example.com', 9),
  (3, 'linus@example.com', 10),
  (4, 'alan@example.com', 0),
  (5, 'margaret@example.com', 23);

INSERT INTO digest_jobs (id, user_id, day, status, queued_at) VALUES
  (1, 1, '2025-12-31', 'done', '2025-12-31 07:00:02'),
  (2, 2, '2025-12-31', 'done', '2025-12-31 09:00:01'),
  (3, 3, '2025-12-31', 'done', '2025-12-31 10:00:04'),
  (4, 5, '2025-12-31', 'done', '2025-12-31 23:00:02'),
  (5, 4, '2026-01-01', 'done', '2026-01-01 00:00:03'),
  (6, 1, '2026-01-01', 'done', '2026-01-01 07:00:01');
