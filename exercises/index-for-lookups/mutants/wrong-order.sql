CREATE INDEX events_by_user ON events (created_at, user_id);
