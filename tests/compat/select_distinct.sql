-- DISTINCT: one and several columns, NULLs count as one value, with ORDER BY and LIMIT.
CREATE TABLE dd (id integer PRIMARY KEY, a integer, b text);
INSERT INTO dd VALUES (1, 1, 'x'), (2, 1, 'x'), (3, 2, 'x'), (4, 2, 'y'), (5, NULL, 'y'),
  (6, NULL, NULL), (7, 1, NULL), (8, 3, 'z');
SELECT DISTINCT a FROM dd ORDER BY a;
SELECT DISTINCT b FROM dd ORDER BY b;
SELECT DISTINCT a, b FROM dd ORDER BY a, b;
SELECT DISTINCT a FROM dd ORDER BY a DESC LIMIT 2;
SELECT DISTINCT a * 0 AS z FROM dd ORDER BY z;
SELECT DISTINCT b IS NULL AS nb FROM dd ORDER BY nb;
SELECT ALL a FROM dd ORDER BY a, id;
-- ORDER BY must use selected expressions with DISTINCT
SELECT DISTINCT a FROM dd ORDER BY id;
