SELECT title, price_cents
FROM books
WHERE price_cents < 2000
ORDER BY price_cents, title;
