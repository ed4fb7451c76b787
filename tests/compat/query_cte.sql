-- WITH and WITH RECURSIVE.
CREATE TABLE emp (id int PRIMARY KEY, name text, boss int);
INSERT INTO emp VALUES (1, 'ceo', NULL), (2, 'cto', 1), (3, 'dev1', 2), (4, 'dev2', 2), (5, 'cfo', 1), (6, 'acct', 5);
WITH t AS (SELECT id, name FROM emp WHERE boss = 2) SELECT * FROM t ORDER BY id;
WITH t(a, b) AS (SELECT id, name FROM emp) SELECT a, b FROM t WHERE a < 3 ORDER BY a;
WITH t AS (SELECT id FROM emp) SELECT count(*) FROM t x, t y WHERE x.id = y.id;
WITH x AS (SELECT 1 AS n), y AS (SELECT n + 1 AS n FROM x) SELECT * FROM x, y;
WITH x AS (SELECT 1 AS n) SELECT (SELECT n FROM x) + 1 AS two;
WITH x AS (SELECT 2 AS n) SELECT * FROM emp WHERE id IN (SELECT n FROM x);
WITH x AS (SELECT 1 AS n) SELECT * FROM (WITH x AS (SELECT 5 AS n) SELECT n FROM x) s, x;
WITH x AS (SELECT id FROM emp) SELECT id FROM x UNION ALL SELECT 100 ORDER BY 1 DESC LIMIT 3;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 100) SELECT sum(n), count(*) FROM t;
WITH RECURSIVE chain AS (
  SELECT id, name, boss, 0 AS depth FROM emp WHERE boss IS NULL
  UNION ALL
  SELECT e.id, e.name, e.boss, c.depth + 1 FROM emp e JOIN chain c ON e.boss = c.id
) SELECT * FROM chain ORDER BY depth, id;
WITH RECURSIVE up(id, path) AS (
  SELECT id, name FROM emp WHERE id = 6
  UNION ALL
  SELECT e.boss, (SELECT name FROM emp WHERE id = e.boss) || ' > ' || up.path FROM emp e JOIN up ON e.id = up.id WHERE e.boss IS NOT NULL
) SELECT path FROM up ORDER BY length(path) DESC LIMIT 1;
-- UNION (not ALL) ends cycles
CREATE TABLE edge (src int, dst int);
INSERT INTO edge VALUES (1, 2), (2, 3), (3, 1), (3, 4);
WITH RECURSIVE reach(n) AS (SELECT 1 UNION SELECT dst FROM edge JOIN reach ON src = n) SELECT * FROM reach ORDER BY n;
-- LIMIT stops an endless recursion
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT * FROM t LIMIT 4;
WITH RECURSIVE fib(a, b) AS (SELECT 0::numeric, 1::numeric UNION ALL SELECT b, a + b FROM fib WHERE b < 1000) SELECT max(a) FROM fib;
WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n * 2 FROM t WHERE n < 64) SELECT count(*), max(n), sum(n) FROM t;
-- errors
WITH x AS (SELECT 1), x AS (SELECT 2) SELECT 1;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1::bigint FROM t WHERE n < 3) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 FROM t UNION ALL SELECT 1) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM t, t t2 WHERE t.n < 3) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n + 1 FROM t) SELECT * FROM t;
WITH t(a, b) AS (SELECT 1) SELECT * FROM t;
WITH t AS (SELECT 1 AS a) SELECT b FROM t;
