CREATE TABLE members (
  id      INTEGER PRIMARY KEY,
  email   TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  age     INTEGER CHECK (age >= 16),
  club_id INTEGER NOT NULL REFERENCES clubs(id)
) STRICT;
