CREATE TABLE signups (
  id    INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  topic TEXT NOT NULL DEFAULT 'news'
);
