CREATE TABLE request_log (
  id     INTEGER PRIMARY KEY,
  method TEXT NOT NULL,
  path   TEXT NOT NULL,
  client TEXT  -- the X-Client header, or NULL when there was none
);
