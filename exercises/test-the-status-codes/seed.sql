INSERT INTO books (id, title, votes) VALUES
  (1, 'Dune', 4),
  (2, 'Emma', 0);
