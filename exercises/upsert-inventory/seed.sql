INSERT INTO inventory (id, sku, quantity, created_at, updated_at) VALUES
  (1, 'TEA-01', 40, '2025-12-01T08:00:00Z', NULL),
  (2, 'MUG-01', 12, '2025-11-15T10:30:00Z', '2025-12-20T16:45:00Z'),
  (3, 'PEN-07', 0, '2025-10-02T14:00:00Z', '2025-12-28T09:10:00Z');
