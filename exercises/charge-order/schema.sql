CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  total_cents INTEGER NOT NULL CHECK (total_cents > 0),
  status      TEXT NOT NULL DEFAULT 'unpaid' CHECK (status IN ('unpaid', 'paid')),
  charge_id   TEXT
);
