-- Passwords: rosa@plots.example / runner-beans-22 (verified in November),
--            tom@plots.example  / compost-heap-9 (signed up, not verified yet),
--            ines@plots.example / sweet-peas-in-june (signed up, not verified yet).
-- The argon2id hashes were made with Backlab itself (crypto.hashPassword in a
-- tiny file run with `backlab run`), and each checked with crypto.verifyPassword.
INSERT INTO users (id, email, password_hash, verified_at) VALUES
  (1, 'rosa@plots.example', '$argon2id$v=19$m=19456,t=2,p=1$JkaaE0orxHjIxrP5m3GzEA$6rYjQeruRMkvpKAtXHxNigNpGHCiUKNOzZmJcKaPrIM', '2025-11-03 18:12:00'),
  (2, 'tom@plots.example', '$argon2id$v=19$m=19456,t=2,p=1$oxaUsXKFosoiZUcDGWsaTw$Rh+PSGbOyhtDX7llvv/rJheezPkiiSgfstU5GjN3GMs', NULL),
  (3, 'ines@plots.example', '$argon2id$v=19$m=19456,t=2,p=1$KaV63xcZCEBefnFE8mniEQ$uiuq0oxWZq7rqYHqNV7xWdAtLwPTZSVr0R+vPKEZqpM', NULL);
