-- A job board's listings, and a full-text index over them.
CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  description TEXT NOT NULL
);

-- An external content table: it holds only the index, and reads the text
-- from jobs. Nothing keeps it up to date yet: that is your part.
CREATE VIRTUAL TABLE jobs_fts USING fts5(
  title, description,
  content = 'jobs', content_rowid = 'id'
);
