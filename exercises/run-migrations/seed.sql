INSERT INTO schema_migrations (version) VALUES (1);
INSERT INTO notes (body) VALUES ('Buy milk'), ('Call the plumber');
