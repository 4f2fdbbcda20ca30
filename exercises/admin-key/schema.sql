CREATE TABLE orders (
  id     INTEGER PRIMARY KEY,
  item   TEXT NOT NULL,
  amount INTEGER NOT NULL  -- in cents
);
