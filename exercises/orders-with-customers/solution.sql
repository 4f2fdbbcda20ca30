SELECT o.id, c.name, c.city, o.total_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
ORDER BY o.id;
