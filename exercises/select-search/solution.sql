SELECT title, price_cents
FROM books
WHERE title LIKE '%program%'
ORDER BY price_cents DESC
LIMIT 3;
