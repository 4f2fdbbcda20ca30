INSERT INTO members (id, email, status, trial_ends) VALUES
  (1, 'ada@example.com',   'active',  '2025-12-15'),
  (2, 'grace@example.com', 'active',  '2025-12-24'),
  (3, 'linus@example.com', 'pending', '2026-01-04');
