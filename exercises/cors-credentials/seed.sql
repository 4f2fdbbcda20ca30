INSERT INTO sessions (id, user_id, csrf_token) VALUES
  ('sess-ada-7Hq2', 1, 'csrf-ada-M4pX'),
  ('sess-bo-9Kd1',  2, 'csrf-bo-Z8wQ');

INSERT INTO basket_items (user_id, sku, quantity) VALUES
  (1, 'TEA-01', 2),
  (1, 'MUG-07', 1),
  (2, 'TEA-01', 5);
