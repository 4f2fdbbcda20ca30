CREATE TABLE inventory (
  id         INTEGER PRIMARY KEY,
  sku        TEXT NOT NULL UNIQUE,     -- the product code: 'TEA-01'
  quantity   INTEGER NOT NULL CHECK (quantity BETWEEN 0 AND 1000000),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT                      -- NULL until the row is first changed
);
