INSERT INTO notes (text) VALUES ('Buy milk'), ('Call Ada');
