INSERT INTO posts (slug, title) VALUES
  ('hello-world', 'Hello, world'),
  ('why-sqlite', 'Why SQLite is enough');
