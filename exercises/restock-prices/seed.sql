INSERT INTO products (name, category, price_cents, stock) VALUES
  ('Teapot', 'kitchen', 2500, 4),
  ('Mug', 'kitchen', 800, 30),
  ('Kettle', 'kitchen', 4000, 0),
  ('Notebook', 'office', 350, 12),
  ('Desk lamp', 'office', 3000, 2);
