-- id is TEXT (not an INTEGER rowid alias; it can even be NULL) and email has no type at all.
CREATE TABLE members (
  id      TEXT PRIMARY KEY,
  email   NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  age     INTEGER CHECK (age >= 16),
  club_id INTEGER NOT NULL REFERENCES clubs(id)
);
