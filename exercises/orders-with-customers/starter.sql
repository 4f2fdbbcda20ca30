SELECT id, customer_id, total FROM orders ORDER BY id;
