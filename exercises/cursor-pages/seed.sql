-- 60 posts imported from an older site. Three posts share each created_at
-- (noon on each of December 1 to 20, 2025), and the ids do not follow the
-- dates: post 57 is one of the newest, post 60 one of the oldest.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO posts (id, author, body, created_at)
SELECT
  i,
  CASE i % 3 WHEN 0 THEN 'ada' WHEN 1 THEN 'grace' ELSE 'linus' END,
  'Post ' || i,
  printf('2025-12-%02dT12:00:00.000Z', 1 + (i * 7) % 20)
FROM n;
