INSERT INTO players (name, score, joined) VALUES
  ('Ada', 320, '2026-01-10'),
  ('Grace', 410, '2026-02-02'),
  ('Alan', 150, '2025-12-24');
INSERT INTO admin_notes (note) VALUES ('The prize fund password is orange-7');
