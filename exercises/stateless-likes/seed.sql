INSERT INTO posts (id, title) VALUES
  (1, 'Hello, servers'),
  (2, 'Why SQLite is enough for a blog'),
  (3, 'Notes on caching');

INSERT INTO likes (post_id, user) VALUES
  (2, 'grace'),
  (2, 'linus'),
  (2, 'margaret');
