-- Forgets the WHERE: every product in every category goes up.
UPDATE products SET price_cents = CAST(round(price_cents * 1.1) AS INTEGER);
