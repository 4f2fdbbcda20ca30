INSERT INTO books (title, author, price_cents) VALUES
  ('The Hobbit', 'J. R. R. Tolkien', 1450),
  ('Structure and Interpretation of Computer Programs', 'Harold Abelson', 5500),
  ('Dune', 'Frank Herbert', 999),
  ('The Pragmatic Programmer', 'Andrew Hunt', 3995),
  ('Kindred', 'Octavia E. Butler', 1200),
  ('Small Gods', 'Terry Pratchett', 849);
