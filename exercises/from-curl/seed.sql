INSERT INTO products (id, name, price_cents) VALUES
  (1, 'Seasonal veg box', 400),
  (2, 'Cheese board', 450),
  (3, 'Dozen eggs', 290),
  (4, 'Apple juice', 350),
  (5, 'Honey jar', 400);

INSERT INTO orders (id, product_id, quantity, name) VALUES
  (1, 3, 2, 'Grace Hopper');
