INSERT INTO users (id, name, email) VALUES
  (1, 'Grace Hopper', 'grace@mail.example'),
  (2, 'Alan Turing', 'alan@mail.example');
-- Alan's Lantern ID account has the subject 'lt-2002'.
INSERT INTO identities (provider, subject, user_id) VALUES
  ('lantern', 'lt-2002', 2);
