-- Forgets ORDER BY: the rows come in whatever order SQLite happens to read them.
SELECT orders.id, customers.name, customers.city, orders.total_cents
FROM orders JOIN customers ON customers.id = orders.customer_id;
