INSERT INTO events (id, title, starts_at) VALUES
  (1, 'New year concert', '2026-01-01T19:00:00.000Z');
