-- Twelve teas, entered in no particular order, so that several share a
-- price and their ids are not in name order.
INSERT INTO products (id, name, kind, price) VALUES
  (1, 'Sencha', 'green', 650),
  (2, 'Earl Grey', 'black', 550),
  (3, 'Rooibos', 'herbal', 450),
  (4, 'Assam', 'black', 550),
  (5, 'Gyokuro', 'green', 1200),
  (6, 'Chamomile', 'herbal', 450),
  (7, 'Darjeeling', 'black', 900),
  (8, 'Peppermint', 'herbal', 450),
  (9, 'Matcha', 'green', 1500),
  (10, 'Lapsang Souchong', 'black', 750),
  (11, 'Genmaicha', 'green', 650),
  (12, 'Hibiscus', 'herbal', 500);

-- 48 gift tins, ids 13 to 60, all at 25.00: "Gift tin 13" to "Gift tin 60".
WITH RECURSIVE n(i) AS (SELECT 13 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO products (id, name, kind, price)
SELECT i, 'Gift tin ' || i, 'gift', 2500 FROM n;
