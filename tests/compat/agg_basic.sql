-- COUNT/SUM/MIN/MAX/AVG over a whole table: NULLs ignored, count(*) vs count(col), empty input.
CREATE TABLE ag (id integer PRIMARY KEY, n integer, s text, d double precision, m numeric);
INSERT INTO ag VALUES (1, 4, 'pear', 1.5, 0.1), (2, 8, 'apple', -2.25, 0.2), (3, NULL, NULL, NULL, NULL),
  (4, 15, 'fig', 0.5, 1.7), (5, -3, 'zucchini', 1e3, -4);
SELECT count(*) FROM ag;
SELECT count(n), count(s), count(id) FROM ag;
SELECT sum(n), min(n), max(n), avg(n) FROM ag;
SELECT min(s), max(s) FROM ag;
SELECT sum(d), min(d), max(d), avg(d) FROM ag;
SELECT sum(m), min(m), max(m), avg(m) FROM ag;
SELECT count(*) AS c, sum(n) AS total, max(n) - min(n) AS spread FROM ag WHERE id <> 1;
SELECT sum(n * 2), avg(n + 0.5), count(n IS NULL) FROM ag;
-- empty input: count is 0, everything else NULL
SELECT count(*), count(n), sum(n), min(n), max(n), avg(n) FROM ag WHERE id > 100;
-- aggregates of constants
SELECT count(1), sum(1), avg(2), min('x'), max(true::integer) FROM ag;
-- an aggregate and a bare column need GROUP BY
SELECT id, count(*) FROM ag;
-- aggregates are not allowed in WHERE
SELECT id FROM ag WHERE count(*) > 1;
