-- One member already: ada@example.com, password "lend me your drill please".
-- The argon2id hash was made once with Backlab itself: a file with
--   app.get("/", (req, res) => res.json(crypto.hashPassword("lend me your drill please")));
-- run as `backlab run hash.js GET /`, and the string pasted here
-- (crypto.verifyPassword checked it against the password).
INSERT INTO accounts (id, email, password_hash) VALUES
  (1, 'ada@example.com', '$argon2id$v=19$m=19456,t=2,p=1$hENMlZztiUpu55RdRuHiig$p/ir+On49ROY4nsWWXqrun2eki/kPEpT0CMPUbrkRyQ');
