CREATE TABLE imports (
  id        INTEGER PRIMARY KEY,
  filename  TEXT NOT NULL,
  content   TEXT NOT NULL,
  row_count INTEGER NOT NULL CHECK (row_count BETWEEN 1 AND 50)
);

CREATE TABLE contacts (
  id        INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports (id),
  name      TEXT NOT NULL CHECK (name <> ''),
  email     TEXT NOT NULL
);
