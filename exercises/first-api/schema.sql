CREATE TABLE planets (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('rocky', 'gas giant', 'ice giant')),
  radius_km   INTEGER NOT NULL CHECK (radius_km > 0),
  distance_au REAL NOT NULL CHECK (distance_au > 0)
);
