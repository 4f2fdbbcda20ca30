INSERT INTO todos (id, title, done) VALUES
  (1, 'Buy milk', 1),
  (2, 'Write tests', 0);
