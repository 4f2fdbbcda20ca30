CREATE TABLE sessions (
  id         TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL,
  csrf_token TEXT NOT NULL
);

CREATE TABLE basket_items (
  user_id  INTEGER NOT NULL,
  sku      TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  PRIMARY KEY (user_id, sku)
);
