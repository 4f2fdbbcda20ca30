CREATE TABLE products (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL,
  price  INTEGER NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0  -- 1: not for sale yet, never shown
);
