-- The shipping carriers this service asks for prices. latency_ms is how long
-- the carrier's own API takes to answer; up = 0 means it is down.
CREATE TABLE carriers (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  price_cents INTEGER NOT NULL,
  latency_ms  INTEGER NOT NULL,
  up          INTEGER NOT NULL DEFAULT 1 CHECK (up IN (0, 1))
);

-- One row per answered request (GET /metrics is not recorded).
CREATE TABLE request_metrics (
  id          INTEGER PRIMARY KEY,
  route       TEXT NOT NULL,      -- the route's pattern, like 'GET /rates/:carrier', or 'unmatched'
  status      INTEGER NOT NULL,   -- the status of the answer that was sent
  duration_ms INTEGER NOT NULL    -- from the request's arrival to its answer
);
