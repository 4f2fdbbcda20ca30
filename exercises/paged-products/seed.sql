WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 45)
INSERT INTO products (id, name, category, price)
SELECT i, 'Product ' || i, CASE WHEN i % 3 = 0 THEN 'garden' ELSE 'kitchen' END, i * 100
FROM n;
