-- All three migrations have run.
INSERT INTO schema_migrations (version) VALUES (1), (2), (3);

INSERT INTO books (id, title, author) VALUES
  (1, 'Middlemarch', 'George Eliot'),
  (2, 'Kindred', 'Octavia E. Butler');

-- Requests the app answered earlier today.
INSERT INTO requests (route, status) VALUES
  ('GET /books', 200),
  ('GET /books', 304),
  ('GET /books/:id', 200),
  ('GET /books/:id', 200),
  ('GET /books/:id', 404),
  ('POST /books', 201),
  ('POST /books', 500),
  ('unmatched', 404);
