CREATE TABLE bookmarks (
  name TEXT PRIMARY KEY,
  url  TEXT NOT NULL
);
