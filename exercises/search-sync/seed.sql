INSERT INTO jobs (id, title, description) VALUES
  (1, 'Night baker', 'Bake bread and rolls from four in the morning. Experience with ovens helps.'),
  (2, 'Bicycle courier', 'Deliver parcels across the city centre by bike. Rain gear provided.'),
  (3, 'Junior gardener', 'Mow, prune and plant in the city parks. No experience needed.');
-- Index the rows that are already there, once.
INSERT INTO jobs_fts (jobs_fts) VALUES ('rebuild');
