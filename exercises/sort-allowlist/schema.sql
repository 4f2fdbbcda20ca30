CREATE TABLE players (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL,
  score  INTEGER NOT NULL,
  joined TEXT NOT NULL
);
CREATE TABLE admin_notes (
  id   INTEGER PRIMARY KEY,
  note TEXT NOT NULL
);
