SELECT title, price
FROM books
WHERE title LIKE '%program%'
ORDER BY price DESC
LIMIT 3;
