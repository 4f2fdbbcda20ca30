CREATE TABLE accounts (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL
);

-- Stands in for sending email, which the sandbox cannot do.
CREATE TABLE outbox (
  id      INTEGER PRIMARY KEY,
  to_addr TEXT NOT NULL,
  kind    TEXT NOT NULL  -- 'welcome' or 'already-registered'
);
