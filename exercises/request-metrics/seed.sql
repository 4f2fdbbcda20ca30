INSERT INTO carriers (code, name, price_cents, latency_ms, up) VALUES
  ('posta',     'Posta',     690,  40,  1),
  ('swiftship', 'SwiftShip', 1250, 99,  1),
  ('ferrobox',  'Ferrobox',  890,  100, 1),
  ('cargoline', 'Cargoline', 480,  499, 1),
  ('slowboat',  'Slowboat',  350,  500, 1),
  ('parcelnet', 'Parcelnet', 720,  20,  0);

-- Requests recorded earlier today.
INSERT INTO request_metrics (id, route, status, duration_ms) VALUES
  (1, 'GET /carriers',       200, 3),
  (2, 'GET /rates/:carrier', 200, 41),
  (3, 'GET /rates/:carrier', 200, 100),
  (4, 'GET /rates/:carrier', 200, 101),
  (5, 'GET /rates/:carrier', 200, 500),
  (6, 'GET /rates/:carrier', 503, 501),
  (7, 'GET /rates/:carrier', 404, 1),
  (8, 'unmatched',           404, 2);
