INSERT INTO users (id, name) VALUES (1, 'Mia'), (2, 'Noah');

-- Already logged in: Mia's browser holds session=mia-session-3f9k2,
-- Noah's session=noah-session-8d1q7. The hashes are their SHA-256.
INSERT INTO sessions (token_hash, user_id) VALUES
  ('b1add417fb13a22b1bff35b1787b6788afd5854e9e8df9530c903b5cb3c10d1b', 1),
  ('1fe7ee38b48a5fc482b34121b017280d4c15ba3304aec4474d08c2b0f1fe2227', 2);

INSERT INTO notes (id, owner_id, title, body) VALUES
  (1, 1, 'Gift ideas', 'A teapot for Noah'),
  (2, 2, 'Door code', '4921, change it in March'),
  (3, 1, 'Dentist', 'Tuesday at 10:30'),
  (4, 2, 'Surprise party', 'Saturday, do not tell Mia');
