INSERT INTO parcels (code, status, updated_at) VALUES
  ('ZX100', 'in transit', '2026-01-01T07:30:00Z'),
  ('ZX200', 'delivered', '2025-12-30T16:05:00Z');
