CREATE TABLE users (
  id       INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE
);
CREATE TABLE sessions (
  token   TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id)
);
CREATE TABLE api_keys (
  id       INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users(id),
  prefix   TEXT NOT NULL,          -- the first 8 characters of the key
  key_hash TEXT NOT NULL UNIQUE    -- crypto.sha256(key), hex
);
