UPDATE products
SET price_cents = CAST(round(price_cents * 1.1) AS INTEGER)
WHERE category = 'kitchen';
