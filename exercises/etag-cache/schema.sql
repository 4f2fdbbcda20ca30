CREATE TABLE articles (
  id      INTEGER PRIMARY KEY,
  title   TEXT NOT NULL,
  body    TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1  -- goes up by one on every edit
);
