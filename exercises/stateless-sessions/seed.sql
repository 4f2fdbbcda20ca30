-- Passwords: maya / blue-heron-21, tom / copper-kettle-8 (argon2id hashes).
INSERT INTO users (id, username, password_hash) VALUES
  (1, 'maya', '$argon2id$v=19$m=19456,t=2,p=1$VHQ9xeJNKkE7FZWEwSJt9g$g5J3snhoq6GCqYc2YY2awp8p965omP93vmvhpBhuFTQ'),
  (2, 'tom', '$argon2id$v=19$m=19456,t=2,p=1$7M/EyqjNe2PHy1b/Zs1gtQ$9IcLj6X0i54AGRdajgp96jid23eSARPvS/PUxgnK/xo');
