SELECT id, customer_id, total_cents FROM orders ORDER BY id;
