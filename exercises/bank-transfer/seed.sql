INSERT INTO accounts (id, owner, balance) VALUES
  (1, 'Ada', 10000),
  (2, 'Grace', 2500),
  (3, 'Alan', 0);
