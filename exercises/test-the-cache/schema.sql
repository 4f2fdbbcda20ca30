CREATE TABLE articles (
  id    INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body  TEXT NOT NULL,
  -- The SHA-256 (hex) of title || char(10) || body, kept beside the article
  -- so a GET can compare tags before it reads the body.
  etag  TEXT NOT NULL
);

-- The signed-in reader's account. Sign-in is left out of this app: the
-- reader is always Lena.
CREATE TABLE account (
  name  TEXT NOT NULL,
  email TEXT NOT NULL,
  plan  TEXT NOT NULL
);
