-- The database as the app left it last month: migration 1 has run.
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);
CREATE TABLE notes (
  id   INTEGER PRIMARY KEY,
  body TEXT NOT NULL
);
