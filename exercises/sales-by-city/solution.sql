SELECT c.city, count(*) AS orders, sum(o.total_cents) AS total_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
GROUP BY c.city
HAVING sum(o.total_cents) >= 1000
ORDER BY total_cents DESC, c.city;
