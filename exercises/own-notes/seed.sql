INSERT INTO users (id, username) VALUES (1, 'alice'), (2, 'bob');
-- Already logged in: alice's browser holds sid=alice-session-token, bob's sid=bob-session-token.
INSERT INTO sessions (token, user_id) VALUES ('alice-session-token', 1), ('bob-session-token', 2);
INSERT INTO notes (id, owner_id, body) VALUES
  (1, 1, 'Alice: buy a new teapot'),
  (2, 2, 'Bob: the safe code is 4921'),
  (3, 1, 'Alice: call the bank');
