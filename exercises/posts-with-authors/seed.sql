INSERT INTO users (id, name) VALUES
  (1, 'Ada'), (2, 'Grace'), (3, 'Linus'), (4, 'Margaret');

INSERT INTO posts (id, user_id, title, created_at) VALUES
  (1, 1, 'Hello, world', '2026-01-02T09:00:00Z'),
  (2, 2, 'Compilers for everyone', '2026-01-03T09:00:00Z'),
  (3, 3, 'Why I wrote a kernel', '2026-01-04T09:00:00Z'),
  (4, 4, 'Landing software', '2026-01-05T09:00:00Z'),
  (5, 1, 'Notes on the engine', '2026-01-06T09:00:00Z'),
  (6, 2, 'Bugs, literally', '2026-01-07T09:00:00Z'),
  (7, 3, 'Patches welcome', '2026-01-08T09:00:00Z'),
  (8, 4, 'Testing under pressure', '2026-01-09T09:00:00Z'),
  (9, 1, 'Loops and cards', '2026-01-10T09:00:00Z'),
  (10, 2, 'Nanoseconds', '2026-01-11T09:00:00Z'),
  (11, 3, 'Git in a week', '2026-01-12T09:00:00Z'),
  (12, 4, 'Priority displays', '2026-01-12T09:00:00Z');

INSERT INTO comments (id, post_id, user_id, body, created_at) VALUES
  (1, 12, 1, 'Brilliant.', '2026-01-12T10:00:00Z'),
  (2, 12, 2, 'This saved the mission.', '2026-01-12T11:00:00Z'),
  (9, 12, 4, 'Thank you all.', '2026-01-12T11:00:00Z'),
  (3, 12, 3, 'Agreed.', '2026-01-12T12:00:00Z'),
  (4, 11, 4, 'A week?', '2026-01-12T13:00:00Z'),
  (5, 10, 3, 'Show the wire!', '2026-01-11T10:00:00Z'),
  (6, 9, 2, 'Lovely.', '2026-01-10T10:00:00Z'),
  (7, 3, 1, 'Bold.', '2026-01-04T10:00:00Z'),
  (8, 1, 4, 'Welcome!', '2026-01-02T10:00:00Z');
