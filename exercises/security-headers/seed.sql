INSERT INTO articles (id, title, body) VALUES
  (1, 'Sourdough is back', 'Our sourdough returns on Monday, baked before dawn.'),
  (2, 'Opening hours in August', 'We close at 4 pm on Saturdays in August.');
