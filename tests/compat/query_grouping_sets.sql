-- GROUP BY GROUPING SETS / ROLLUP / CUBE and grouping().
CREATE TABLE s (id int PRIMARY KEY, region text, product text, qty int);
INSERT INTO s VALUES (1, 'n', 'x', 5), (2, 'n', 'y', 3), (3, 's', 'x', 7), (4, 's', 'x', 1), (5, 'e', NULL, 2);
SELECT region, product, sum(qty) FROM s GROUP BY GROUPING SETS ((region, product), (region), ()) ORDER BY 1, 2, 3;
SELECT region, sum(qty), grouping(region) FROM s GROUP BY ROLLUP (region) ORDER BY 3, 1;
SELECT region, product, count(*), grouping(region, product) AS g FROM s GROUP BY CUBE (region, product) ORDER BY g, 1, 2;
SELECT region, product, sum(qty) FROM s GROUP BY region, ROLLUP (product) ORDER BY 1, 2 NULLS FIRST;
SELECT product, sum(qty) FROM s GROUP BY GROUPING SETS (product, ()) HAVING sum(qty) > 3 ORDER BY 1;
SELECT count(*) FROM s WHERE false GROUP BY ROLLUP (region);
SELECT count(*) FROM s GROUP BY ();
SELECT region, grouping(region) FROM s GROUP BY region ORDER BY 1;
SELECT CASE WHEN grouping(region) = 1 THEN 'all' ELSE region END AS r, sum(qty) FROM s GROUP BY ROLLUP (region) ORDER BY 2;
-- errors
SELECT grouping(product) FROM s GROUP BY region;
SELECT id FROM s WHERE grouping(id) = 0;
