SELECT c.city, count(*) AS orders, sum(o.total) AS total
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
GROUP BY c.city
HAVING sum(o.total) >= 10
ORDER BY total DESC, c.city;
