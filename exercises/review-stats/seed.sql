INSERT INTO products (id, name) VALUES (1, 'Teapot'), (2, 'Mug'), (3, 'Kettle');
INSERT INTO reviews (product_id, stars) VALUES
  (1, 5), (1, 4), (1, 4),
  (2, 2), (2, 3);
