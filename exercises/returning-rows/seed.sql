INSERT INTO pages (id, slug, title, body, version, created_at) VALUES
  (1, 'welcome', 'Welcome', 'Start here.', 3, '2025-12-01T08:00:00Z'),
  (2, 'faq', 'FAQ', 'Questions, answered.', 1, '2025-12-02T14:30:00Z');
