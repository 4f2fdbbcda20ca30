CREATE TABLE accounts (
  id                INTEGER PRIMARY KEY,
  owner             TEXT NOT NULL,
  name              TEXT NOT NULL,
  balance_cents     INTEGER NOT NULL,
  daily_limit_cents INTEGER NOT NULL CHECK (daily_limit_cents > 0)  -- most that may leave per UTC day
);

CREATE TABLE transfers (
  id           INTEGER PRIMARY KEY,
  from_id      INTEGER NOT NULL REFERENCES accounts(id),
  to_id        INTEGER NOT NULL REFERENCES accounts(id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  created_at   TEXT NOT NULL  -- UTC, as toISOString() writes it
);

CREATE INDEX transfers_out ON transfers (from_id, created_at);
