INSERT INTO orders (id, total_cents, status, paid_at) VALUES
  (41, 2599, 'unpaid', NULL),
  (42, 1200, 'unpaid', NULL),
  (43,  800, 'paid', '2025-12-30 14:12:00');
