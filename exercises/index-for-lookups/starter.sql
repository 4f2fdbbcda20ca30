EXPLAIN QUERY PLAN
SELECT kind, created_at FROM events WHERE user_id = 5 ORDER BY created_at DESC LIMIT 20;
