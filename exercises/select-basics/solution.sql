SELECT title, price
FROM books
WHERE price < 20
ORDER BY price, title;
