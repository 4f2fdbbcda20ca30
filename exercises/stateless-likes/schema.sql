CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL
);

-- One row per (post, user): a second like by the same user is the same row.
CREATE TABLE likes (
  post_id INTEGER NOT NULL REFERENCES posts(id),
  user TEXT NOT NULL,
  PRIMARY KEY (post_id, user)
);
