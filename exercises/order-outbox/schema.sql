CREATE TABLE orders (
  id       INTEGER PRIMARY KEY,
  customer TEXT NOT NULL,   -- an email address
  item     TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0)
);
CREATE TABLE outbox (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL,               -- 'email'
  recipient TEXT NOT NULL,
  payload   TEXT NOT NULL,               -- JSON
  sent      INTEGER NOT NULL DEFAULT 0   -- set to 1 by the mail worker
);
