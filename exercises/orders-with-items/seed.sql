INSERT INTO customers (id, name) VALUES
  (1, 'Ada'), (2, 'Grace'), (3, 'Linus'), (4, 'Margaret');

-- Ada (1) has five orders: 12 has no items yet, 13 and 15 were placed at the
-- same moment, and 16 is the oldest although its id is the highest.
INSERT INTO orders (id, customer_id, placed_at) VALUES
  (10, 1, '2026-02-01T10:00:00Z'),
  (11, 2, '2026-02-02T10:00:00Z'),
  (12, 1, '2026-02-03T10:00:00Z'),
  (13, 1, '2026-02-05T10:00:00Z'),
  (14, 4, '2026-02-05T10:00:00Z'),
  (15, 1, '2026-02-05T10:00:00Z'),
  (16, 1, '2026-01-20T10:00:00Z');

INSERT INTO order_items (id, order_id, name, quantity, price_cents) VALUES
  (1, 10, 'Notebook', 2, 450),
  (2, 10, 'Pen', 10, 120),
  (3, 11, 'Stapler', 2, 1599),
  (4, 13, 'Tea', 3, 550),
  (5, 14, 'Lamp', 1, 3400),
  (6, 15, 'Paper', 5, 399),
  (7, 13, 'Mug', 1, 899),
  (8, 16, 'Eraser', 4, 75),
  (9, 16, 'Cable', 1, 1299);
