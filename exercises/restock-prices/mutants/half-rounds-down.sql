-- Rounds half a cent down (as round-half-to-even does for 214.5): 195 cents becomes 214, not 215.
UPDATE products SET price_cents = (price_cents * 11 + 4) / 10 WHERE category = 'kitchen';
