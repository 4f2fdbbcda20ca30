INSERT INTO books (id, title, author, year) VALUES
  (1, 'Frankenstein', 'Mary Shelley', 1818),
  (2, 'Middlemarch', 'George Eliot', 1871),
  (3, 'The Left Hand of Darkness', 'Ursula K. Le Guin', 1969);
