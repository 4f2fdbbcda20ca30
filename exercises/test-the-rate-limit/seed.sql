-- Passwords: grace / correct-horse-7, linus / penguin-fish-2 (argon2id hashes).
INSERT INTO users (id, username, password_hash) VALUES
  (1, 'grace', '$argon2id$v=19$m=19456,t=2,p=1$LRZVrncss0PSVXrz6Fcfkw$kHKJs0vntELqGgGYYFJy2WoCISu9o/bg+52vKRvIC1s'),
  (2, 'linus', '$argon2id$v=19$m=19456,t=2,p=1$PkaCZa8hg0Cd40nb04O3ng$MLRULkUUaZq30NtWawihbvSfEDZbO6NmKr2jaC6x4lQ');
