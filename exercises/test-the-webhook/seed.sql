-- An earlier push, delivered yesterday and already deployed.
INSERT INTO webhook_events (id, received_at) VALUES ('evt_500', '2025-12-31 17:42:10');
INSERT INTO deploys (id, repo, commit_sha, status) VALUES (1, 'shop-web', '9ab31d0', 'done');
