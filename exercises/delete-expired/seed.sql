INSERT INTO coupons (code, expires_on, used) VALUES
  ('SPRING10', '2026-03-31', 0),
  ('WELCOME', '2027-01-01', 0),
  ('BLACKFRIDAY', '2025-11-30', 1),
  ('SUMMER5', '2026-08-31', 0),
  ('NEWYEAR', '2026-01-01', 1);
