INSERT INTO users (id, name, email) VALUES (1, 'Alice', 'alice@example.com');
INSERT INTO sessions (token, user_id, csrf_token) VALUES (
  'alice-session-token', 1, 'c5a1d3f09e8b47d2a6f1b0c4e7d9a2f3'
);
