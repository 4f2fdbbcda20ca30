INSERT INTO products (name, category, price, stock) VALUES
  ('Teapot', 'kitchen', 25.00, 4),
  ('Mug', 'kitchen', 8.00, 30),
  ('Kettle', 'kitchen', 40.00, 0),
  ('Notebook', 'office', 3.50, 12),
  ('Desk lamp', 'office', 30.00, 2);
