INSERT INTO notes (id, body, pinned) VALUES
  (1, 'Buy milk', 0),
  (2, 'Call the plumber', 1),
  (5, 'Renew passport', 0);
