INSERT INTO clubs (id, name) VALUES (1, 'Chess'), (2, 'Rowing');
