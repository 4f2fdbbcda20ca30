INSERT INTO users (id, username) VALUES (1, 'alice'), (2, 'bob');
INSERT INTO sessions (token, user_id) VALUES ('alice-session-token', 1);
