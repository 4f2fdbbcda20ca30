-- Multiplies by 11 and divides by 10 in whole numbers, which drops the fraction: 199 cents becomes 218, not 219.
UPDATE products SET price_cents = price_cents * 11 / 10 WHERE category = 'kitchen';
