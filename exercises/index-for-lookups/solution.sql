CREATE INDEX events_by_user ON events (user_id, created_at);
