CREATE TABLE posts (
  slug  TEXT PRIMARY KEY,
  title TEXT NOT NULL
);
