-- An account exists: ada@example.com.
INSERT INTO users (id, email, password_hash) VALUES (1, 'ada@example.com', '$argon2id$v=19$m=19456,t=2,p=1$Db6GkDBS7e/PBBW/SV135w$0DJJV1fZILwbYUcSfz5vB0pZZGjUPOq0BP/t2WsAS0w');
