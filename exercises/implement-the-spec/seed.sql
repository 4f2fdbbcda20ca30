INSERT INTO rooms (id, name, capacity, floor, kind, has_screen, created_at) VALUES
  (1, 'Lighthouse', 8, 2, 'meeting', 1, '2025-11-03T08:15:00Z'),
  (2, 'Nook', 2, 0, 'focus', 0, '2025-11-03T08:16:00Z');
