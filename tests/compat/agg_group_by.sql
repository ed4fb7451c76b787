-- GROUP BY: one and several keys, NULL as its own group, expressions, ordinal references.
CREATE TABLE sales (id integer PRIMARY KEY, region text, product text, qty integer, price numeric);
INSERT INTO sales VALUES
  (1, 'north', 'apple', 10, 0.5), (2, 'north', 'pear', 5, 0.75), (3, 'south', 'apple', 7, 0.55),
  (4, 'south', 'apple', 3, 0.6), (5, 'east', 'fig', 1, 2.5), (6, NULL, 'apple', 2, 0.5),
  (7, 'north', 'apple', NULL, 0.5), (8, NULL, NULL, 4, NULL);
SELECT region, count(*) FROM sales GROUP BY region ORDER BY region;
SELECT region, product, sum(qty), count(qty) FROM sales GROUP BY region, product ORDER BY region, product;
SELECT product, min(price), max(price), avg(price) FROM sales GROUP BY product ORDER BY product NULLS FIRST;
SELECT region, sum(qty * price) AS revenue FROM sales GROUP BY region ORDER BY revenue DESC NULLS LAST;
SELECT qty > 4 AS big, count(*) FROM sales GROUP BY qty > 4 ORDER BY 1;
SELECT region, count(*) FROM sales GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT region FROM sales GROUP BY region ORDER BY region DESC;
SELECT count(*) FROM sales WHERE qty > 100 GROUP BY region;
SELECT region, avg(qty) FROM sales WHERE product = 'apple' GROUP BY region ORDER BY region;
-- a column that is neither grouped nor aggregated
SELECT region, product FROM sales GROUP BY region;
SELECT region, count(*) FROM sales GROUP BY nosuch;
