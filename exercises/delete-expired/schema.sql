CREATE TABLE coupons (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  expires_on TEXT NOT NULL,   -- YYYY-MM-DD
  used       INTEGER NOT NULL DEFAULT 0
);
