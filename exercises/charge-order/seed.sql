INSERT INTO orders (id, total_cents, status, charge_id) VALUES
  (7, 2599, 'unpaid', NULL),
  (8, 1200, 'paid', 'ch_earlier');
