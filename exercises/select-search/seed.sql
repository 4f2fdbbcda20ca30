INSERT INTO books (title, author, price) VALUES
  ('The Hobbit', 'J. R. R. Tolkien', 14.50),
  ('Structure and Interpretation of Computer Programs', 'Harold Abelson', 55.00),
  ('Dune', 'Frank Herbert', 9.99),
  ('The Pragmatic Programmer', 'Andrew Hunt', 39.95),
  ('Kindred', 'Octavia E. Butler', 12.00),
  ('Small Gods', 'Terry Pratchett', 8.49);
INSERT INTO books (title, author, price) VALUES
  ('The Silmarillion', 'J. R. R. Tolkien', 18.00),
  ('Programming Pearls', 'Jon Bentley', 31.50),
  ('Parable of the Sower', 'Octavia E. Butler', 13.25);
