INSERT INTO threads (id, title, created_at) VALUES
  (1, 'Welcome to the forum', '2025-11-01 08:00:00'),
  (2, 'Sourdough starter help', '2025-11-03 19:12:00'),
  (3, 'Best hiking boots?', '2025-11-10 07:45:00'),
  (4, 'Cycling to work in winter', '2025-11-18 17:30:00'),
  (5, 'Book club: March', '2025-12-02 20:05:00'),
  (6, 'Lost cat near the park', '2025-12-20 11:10:00');

INSERT INTO replies (id, thread_id, body, created_at) VALUES
  (1, 1, 'Hello everyone!', '2025-11-01 09:00:00'),
  (2, 2, 'Feed it twice a day.', '2025-11-03 20:00:00'),
  (3, 1, 'Glad to be here.', '2025-11-02 10:00:00'),
  (4, 2, 'Keep it somewhere warm.', '2025-11-04 08:30:00'),
  (5, 4, 'Studded tyres changed my life.', '2025-11-18 18:00:00'),
  (6, 2, 'Use rye flour to start.', '2025-11-04 12:00:00'),
  (7, 4, 'Mudguards, always.', '2025-11-19 07:00:00'),
  (8, 5, 'I am in.', '2025-12-02 21:00:00'),
  (9, 2, 'Mine took ten days.', '2025-11-05 09:15:00'),
  (10, 1, 'Hi!', '2025-11-05 14:00:00'),
  (11, 4, 'Layers, not one thick coat.', '2025-11-20 07:30:00'),
  (12, 2, 'Photos please!', '2025-11-06 16:40:00');
