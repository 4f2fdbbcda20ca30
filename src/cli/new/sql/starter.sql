SELECT text FROM notes;
