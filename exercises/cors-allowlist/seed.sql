INSERT INTO tasks (id, title, done) VALUES
  (1, 'Water the plants', 0),
  (2, 'Pay the rent', 1);
