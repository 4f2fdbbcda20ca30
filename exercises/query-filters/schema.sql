CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  customer    TEXT NOT NULL,
  status      TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  created_at  TEXT NOT NULL
);
-- Orders are often listed by date or by total.
CREATE INDEX orders_by_created_at ON orders (created_at);
CREATE INDEX orders_by_total ON orders (total_cents);
