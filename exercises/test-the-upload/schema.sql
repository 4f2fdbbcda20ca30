-- The uploaded avatars. `content` stands in for the object storage a real
-- app would use; the other columns are what the app knows about the file.
CREATE TABLE avatars (
  id       INTEGER PRIMARY KEY,
  filename TEXT NOT NULL,
  type     TEXT NOT NULL CHECK (type IN ('image/svg+xml', 'image/png')),
  size     INTEGER NOT NULL,
  content  TEXT NOT NULL
);
