INSERT INTO products (id, name, price, hidden) VALUES
  (1, 'Blue teapot', 2500, 0),
  (2, 'Green teapot', 2700, 0),
  (3, 'Mug', 800, 0),
  (4, 'Secret teapot (launching in May)', 9900, 1);
