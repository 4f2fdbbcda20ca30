INSERT INTO comments (author, body) VALUES
  ('Ada', 'Lovely guestbook!'),
  ('Grace', 'Tip: 3 < 4 & 5 > 4, "always".');
