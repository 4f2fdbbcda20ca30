CREATE TABLE contacts (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT,
  notes TEXT
);
