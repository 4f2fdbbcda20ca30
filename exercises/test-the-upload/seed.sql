INSERT INTO avatars (id, filename, type, size, content) VALUES
  (1, 'cat.svg', 'image/svg+xml', 42, '<svg xmlns="http://www.w3.org/2000/svg"/>' || char(10));
