INSERT INTO orders (id, customer, status, total_cents, created_at) VALUES
  (1, 'Mara',  'paid',      2500,  '2026-02-28T23:59:59Z'),
  (2, 'Ines',  'pending',   1200,  '2026-03-01T00:00:00Z'),
  (3, 'Zoe',   'shipped',   2500,  '2026-03-01T12:30:00Z'),
  (4, 'Bruno', 'paid',      9900,  '2026-03-05T23:59:59Z'),
  (5, 'Kofi',  'cancelled', 300,   '2026-03-06T00:00:00Z'),
  (6, 'Aiko',  'paid',      2499,  '2026-03-03T08:15:00Z'),
  (7, 'Theo',  'shipped',   15000, '2026-03-03T08:15:00Z'),
  (8, 'Luca',  'pending',   0,     '2026-03-10T10:00:00Z');
