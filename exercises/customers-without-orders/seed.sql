INSERT INTO customers (id, name, city) VALUES
  (1, 'Ada', 'London'),
  (2, 'Grace', 'New York'),
  (3, 'Alan', 'Manchester'),
  (4, 'Katherine', 'Hampton');
INSERT INTO orders (id, customer_id, total, placed_on) VALUES
  (10, 1, 30.00, '2026-03-01'),
  (11, 1, 12.50, '2026-03-04'),
  (12, 2, 99.00, '2026-03-02'),
  (13, 4, 5.00, '2026-03-03');
