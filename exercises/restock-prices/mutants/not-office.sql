-- Raises every category except office, so a third category goes up too.
UPDATE products SET price = round(price * 1.1, 2) WHERE category <> 'office';
