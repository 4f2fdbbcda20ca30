-- Passwords: sam@helpdesk.example / kettle-on-at-nine,
--            priya@helpdesk.example / ticket-zero-2026.
-- The argon2id hashes were made with Backlab itself: a file with
--   app.get("/", (req, res) => res.json([crypto.hashPassword("kettle-on-at-nine"),
--                                        crypto.hashPassword("ticket-zero-2026")]));
-- run as `backlab run hash.js GET /`, and the two strings pasted here
-- (crypto.verifyPassword checked each against its password, and not the other's).
INSERT INTO users (id, email, name, password_hash) VALUES
  (3, 'sam@helpdesk.example', 'Sam Okafor', '$argon2id$v=19$m=19456,t=2,p=1$SQZUVqpLtc34MHyKJzEdyg$WfyY7RJATKwVs3GzyAoj4kYpsfqQ0WmbtikF46zXYhM'),
  (8, 'priya@helpdesk.example', 'Priya Raman', '$argon2id$v=19$m=19456,t=2,p=1$H7p0wAiqWmtFqhyjWvfNHQ$hfzK2ZF3lsNSc3Y7XO7XidQ5eOJQ5zWlwFAg5nbozK0');
