INSERT INTO articles (id, title, body, version) VALUES
  (1, 'Why HTTP is stateless', 'Every request stands alone…', 3),
  (2, 'Caching in one page', 'The fastest request is the one not sent.', 1);
