INSERT INTO books (id, title, year) VALUES
  (1, 'The Pragmatic Programmer', 1999),
  (2, 'Refactoring', 2018),
  (3, 'Working Effectively with Legacy Code', 2004),
  (4, 'Clean Code', 2008),
  (5, 'Designing Data-Intensive Applications', 2017),
  (6, 'SQL Antipatterns', 2022),
  (7, 'Release It!', 2018),
  (8, 'The Art of PostgreSQL', 2019),
  (9, 'Database Internals', 2019),
  (10, 'Ship It 100%', 2021),
  (11, 'The snake_case Manifesto', 2021),
  (12, 'Code Complete', 2004),
  (13, 'Learning SQL', 2020);
