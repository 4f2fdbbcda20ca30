-- Yesterday's jobs: one was sent, one gave up after five tries.
INSERT INTO jobs (id, email, order_id, status, attempts, run_at, last_error) VALUES
  (1, 'grace@example.com', 40, 'done', 1, '2025-12-31 18:00:00', NULL),
  (2, 'linus@example.com', 41, 'dead', 5, '2025-12-31 20:00:00', 'the mail service answered 503');
