-- The planets were entered in alphabetical order, so their ids are not
-- their order from the Sun. Mean radius in km; average distance from the
-- Sun (semi-major axis) in astronomical units, where Earth's is 1.
INSERT INTO planets (id, name, kind, radius_km, distance_au) VALUES
  (1, 'Earth',   'rocky',      6371, 1.0),
  (2, 'Jupiter', 'gas giant', 69911, 5.203),
  (3, 'Mars',    'rocky',      3390, 1.524),
  (4, 'Mercury', 'rocky',      2440, 0.387),
  (5, 'Neptune', 'ice giant', 24622, 30.07),
  (6, 'Saturn',  'gas giant', 58232, 9.537),
  (7, 'Uranus',  'ice giant', 25362, 19.19),
  (8, 'Venus',   'rocky',      6052, 0.723);
