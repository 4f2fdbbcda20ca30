INSERT INTO users (id, email, fullname, display_name) VALUES
  (1, 'ada@example.com', 'Ada Lovelace', 'Ada Lovelace'),
  (2, 'grace@example.com', 'Grace Hopper', NULL),
  (3, 'alan@example.com', 'Alan Turing', NULL),
  (4, 'bea@example.com', 'Beatrice Okafor', 'Bea Okafor'),
  (5, 'edsger@example.com', 'Edsger Dijkstra', NULL),
  (6, 'barbara@example.com', 'Barbara Liskov', NULL),
  (7, 'ken@example.com', 'Ken Thompson', 'Ken Thompson'),
  (8, 'margaret@example.com', 'Margaret Hamilton', NULL);
