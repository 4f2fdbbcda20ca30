-- Forgets the WHERE: every product in every category goes up.
UPDATE products SET price = round(price * 1.1, 2);
