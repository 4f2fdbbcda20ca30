INSERT INTO entries (id, name, message, created_at) VALUES
  (1, 'Ada', 'Lovely little site!', '2025-12-30T18:04:11.000Z'),
  (2, 'Grace', 'Found a typo on the about page.', '2025-12-31T09:15:00.000Z');
