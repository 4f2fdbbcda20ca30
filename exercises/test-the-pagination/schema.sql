CREATE TABLE products (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE,
  kind  TEXT NOT NULL,
  price INTEGER NOT NULL CHECK (price > 0)  -- in cents
);
