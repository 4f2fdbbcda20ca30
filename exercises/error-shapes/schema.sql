CREATE TABLE orders (
  id     INTEGER PRIMARY KEY,
  item   TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled'))
);
