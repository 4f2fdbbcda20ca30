INSERT INTO bookmarks (name, url) VALUES ('docs', 'https://sqlite.org/docs.html');
