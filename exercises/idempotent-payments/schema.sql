CREATE TABLE payments (
  id       INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  amount   INTEGER NOT NULL
);
CREATE TABLE idempotency (
  key     TEXT PRIMARY KEY,
  request TEXT NOT NULL,   -- the request body, to spot a key reused for another request
  status  INTEGER NOT NULL,
  body    TEXT NOT NULL    -- the JSON answered the first time
);
