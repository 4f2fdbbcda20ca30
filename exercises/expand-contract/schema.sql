-- Migration 7 added display_name, the new name of fullname.
-- fullname stays NOT NULL until the old version of the app is gone.
CREATE TABLE users (
  id           INTEGER PRIMARY KEY,
  email        TEXT NOT NULL UNIQUE,
  fullname     TEXT NOT NULL,
  display_name TEXT
);
