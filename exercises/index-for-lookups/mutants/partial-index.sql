-- WRONG: a partial index (WHERE user_id = 5) only helps one user; the query runs for every user.
CREATE INDEX events_by_user ON events (user_id, created_at) WHERE user_id = 5;
