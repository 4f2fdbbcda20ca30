CREATE TABLE products (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE reviews (
  id         INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id),
  stars      INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5)
);
