INSERT INTO accounts (id, owner, name, balance_cents, daily_limit_cents) VALUES
  (1, 'ada', 'Everyday', 100000, 50000),
  (2, 'ada', 'Savings', 25000, 30000),
  (3, 'grace', 'Everyday', 5000, 10000),
  (4, 'grace', 'Savings', 0, 10000);

-- The tests run on 2026-01-01 (UTC). Account 1 has sent 25000 today
-- (transfers 3 and 5), account 2 has sent 7000 today (transfer 4).
INSERT INTO transfers (id, from_id, to_id, amount_cents, created_at) VALUES
  (1, 1, 2, 40000, '2025-12-31T10:00:00.000Z'),
  (2, 1, 2, 10000, '2025-12-31T23:59:59.999Z'),
  (3, 1, 2, 5000, '2026-01-01T00:00:00.000Z'),
  (4, 2, 1, 7000, '2026-01-01T07:30:00.000Z'),
  (5, 1, 2, 20000, '2026-01-01T08:00:00.000Z');
