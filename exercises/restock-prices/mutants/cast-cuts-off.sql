-- CAST alone cuts the fraction off instead of rounding: 195 cents becomes 214, not 215.
UPDATE products SET price_cents = CAST(price_cents * 1.1 AS INTEGER) WHERE category = 'kitchen';
