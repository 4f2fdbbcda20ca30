CREATE TABLE accounts (
  id      INTEGER PRIMARY KEY,
  owner   TEXT NOT NULL,
  balance INTEGER NOT NULL  -- in cents
);
CREATE TABLE transfers (
  id         INTEGER PRIMARY KEY,
  from_id    INTEGER NOT NULL REFERENCES accounts(id),
  to_id      INTEGER NOT NULL REFERENCES accounts(id),
  amount     INTEGER NOT NULL
);
