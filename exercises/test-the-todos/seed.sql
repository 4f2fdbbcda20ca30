INSERT INTO todos (id, title, done) VALUES
  (1, 'Buy milk', 0),
  (2, 'Write tests', 1);
