INSERT INTO users (id, first_name, last_name, email) VALUES
  (1, 'Ada', 'Lovelace', 'ada@example.com'),
  (2, 'Alan', 'Turing', 'alan@example.com');
