INSERT INTO imports (id, filename, content, row_count) VALUES
  (1, 'team.csv', 'name,email
Ada Lovelace,ada@example.com
Grace Hopper,grace@example.com
', 2);

INSERT INTO contacts (id, import_id, name, email) VALUES
  (1, 1, 'Ada Lovelace', 'ada@example.com'),
  (2, 1, 'Grace Hopper', 'grace@example.com');
