CREATE TABLE members (
  id INTEGER,
  email TEXT,
  name TEXT,
  age INTEGER,
  club_id INTEGER
);
