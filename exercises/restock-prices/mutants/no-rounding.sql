-- Never rounds: 195 cents becomes 214.5, a fraction of a cent stored as a REAL.
UPDATE products SET price_cents = price_cents * 1.1 WHERE category = 'kitchen';
