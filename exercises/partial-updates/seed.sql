INSERT INTO contacts (id, name, email, phone, notes) VALUES
  (1, 'Ada Lovelace', 'ada@example.com', '+44 20 7946 0958', 'Met at the engine meetup'),
  (2, 'Grace Hopper', 'grace@example.com', NULL, NULL),
  (3, 'Alan Turing', 'alan@example.org', '0161 496 0000', 'Prefers email');
