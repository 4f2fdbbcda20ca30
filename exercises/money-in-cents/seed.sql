INSERT INTO prices (id, amount_cents, currency) VALUES
  (1, 1999, 'EUR'),
  (2, 500, 'USD');
