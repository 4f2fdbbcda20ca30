-- One row per migration that has run (see the lesson on migrations).
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);

CREATE TABLE books (
  id     INTEGER PRIMARY KEY,
  title  TEXT NOT NULL,
  author TEXT NOT NULL
);

-- One row per request the app answered (the probes are not counted).
CREATE TABLE requests (
  id     INTEGER PRIMARY KEY,
  route  TEXT NOT NULL,      -- the route's pattern, like 'GET /books/:id', or 'unmatched'
  status INTEGER NOT NULL    -- the status of the answer, like 404
);
