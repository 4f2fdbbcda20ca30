CREATE TABLE comments (
  id     INTEGER PRIMARY KEY,
  author TEXT NOT NULL,
  body   TEXT NOT NULL
);
