SELECT c.city, o.total
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id;
