-- Passwords: ada@example.com / correct horse battery,
--            grace@example.com / cobol-1959.
-- The argon2id hashes were made once with Backlab itself: a file with
--   app.get("/", (req, res) => res.json([crypto.hashPassword("correct horse battery"),
--                                        crypto.hashPassword("cobol-1959")]));
-- run as `backlab run hash.js GET /`, and the two strings pasted here
-- (crypto.verifyPassword checked each against its password).
INSERT INTO users (id, email, name, password_hash) VALUES
  (1, 'ada@example.com', 'Ada Lovelace', '$argon2id$v=19$m=19456,t=2,p=1$hSRrpbUaSb8CYJmZUpFz8g$gzidkrQoM+aAx2LHOMES4QHP2amzW6spuI6AsuC44tg'),
  (2, 'grace@example.com', 'Grace Hopper', '$argon2id$v=19$m=19456,t=2,p=1$s7KqFAKMY9ekQavlIjA/Bg$KCStUUYFRr8Lh98MXEcq5MO8+mJqlLrH+GlUAV3QrpM');
