INSERT INTO customers (id, name, city) VALUES
  (1, 'Ada', 'London'),
  (2, 'Grace', 'New York'),
  (3, 'Alan', 'Manchester'),
  (4, 'Katherine', 'Hampton');
INSERT INTO orders (id, customer_id, total_cents, placed_on) VALUES
  (10, 1, 3000, '2026-03-01'),
  (11, 1, 1250, '2026-03-04'),
  (12, 2, 9900, '2026-03-02'),
  (13, 4, 500, '2026-03-03');
