INSERT INTO orders (id, item, status) VALUES (1, 'teapot', 'open'), (2, 'mug', 'paid');
