-- The help desk's agents. password_hash is an argon2id hash made by
-- crypto.hashPassword; the password itself is never stored.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
