-- Passwords: ada@example.com / analytical-engine, bob@example.com / builder-bob-2 (argon2id hashes).
INSERT INTO users (id, email, password_hash) VALUES
  (1, 'ada@example.com', '$argon2id$v=19$m=19456,t=2,p=1$rXUbChLhA4ChFqJvSwaFZA$RR4diKIRR1oTlbSdF1wwq2x2yfGQOc8HqF9zpyX3faM'),
  (2, 'bob@example.com', '$argon2id$v=19$m=19456,t=2,p=1$ybKNpmubVdDGaoo7EuttQA$vGXXTWVHMJNLO/MFNZo0ndDqbeLLIbJc83lnzzsDtVM');
-- Ada is signed in on her laptop and her phone, Bob on his laptop.
INSERT INTO sessions (token_hash, user_id, expires_at) VALUES
  ('700fe98c4b9ac9130aeb5543cda95b9f5f7a1a5f4431ea0123184b4daf001174', 1, '2026-01-02 09:00:00'),
  ('c0dfd4982afaf55da413cffe37eeb3b74ab63375f3ca837f431cc1d4e3554547', 1, '2026-01-02 09:00:00'),
  ('b8187a8d97cb4bb11e4673439ca4f7291bf3982edfaf9bc8e6bad3d3309b0e3c', 2, '2026-01-02 09:00:00');
