CREATE TABLE members (
  id         INTEGER PRIMARY KEY,
  email      TEXT NOT NULL UNIQUE,
  status     TEXT NOT NULL CHECK (status IN ('active', 'pending')),
  trial_ends TEXT NOT NULL
);
