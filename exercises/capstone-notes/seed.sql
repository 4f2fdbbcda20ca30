-- Accounts: ada@example.com / wonderland, grace@example.com / builder.
INSERT INTO users (id, email, password_hash) VALUES
  (1, 'ada@example.com', '$argon2id$v=19$m=19456,t=2,p=1$Db6GkDBS7e/PBBW/SV135w$0DJJV1fZILwbYUcSfz5vB0pZZGjUPOq0BP/t2WsAS0w'),
  (2, 'grace@example.com', '$argon2id$v=19$m=19456,t=2,p=1$3VweXJD3pF36J0W5JJSwvw$holIetkndATbe2bKi9QW1w5NfqxoGJddIp+qyUSeijI');
-- Both are logged in: Ada's browser sends sid=ada-session, Grace's sid=grace-session.
INSERT INTO sessions (token, user_id) VALUES ('ada-session', 1), ('grace-session', 2);
INSERT INTO notes (id, owner_id, title, body) VALUES (1, 1, 'Engine plans', 'Punched cards for the loops'), (2, 2, 'Compiler ideas', 'Words instead of symbols');
