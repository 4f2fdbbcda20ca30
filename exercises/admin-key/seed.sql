INSERT INTO orders (item, amount) VALUES
  ('teapot', 2500),
  ('mug', 800),
  ('mug', 800);
