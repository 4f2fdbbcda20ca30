SELECT c.name, c.city
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id
ORDER BY c.name;
