UPDATE products SET price = round(price * 1.1, 2) WHERE category = 'kitchen';
