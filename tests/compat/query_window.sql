-- Window functions: ranking, offsets, values, aggregates over frames, named windows.
CREATE TABLE emp (id int PRIMARY KEY, dept text, salary int);
INSERT INTO emp VALUES (1, 'a', 100), (2, 'a', 200), (3, 'a', 200), (4, 'b', 50), (5, 'b', 70), (6, 'c', 10), (7, 'a', NULL);
SELECT id, dept, salary, row_number() OVER (PARTITION BY dept ORDER BY salary, id) FROM emp ORDER BY id;
SELECT id, salary, rank() OVER w, dense_rank() OVER w, percent_rank() OVER w, cume_dist() OVER w
  FROM emp WINDOW w AS (ORDER BY salary) ORDER BY salary, id;
SELECT id, ntile(3) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, ntile(10) OVER (ORDER BY id) FROM emp WHERE id < 4 ORDER BY id;
SELECT id, lag(salary) OVER (ORDER BY id), lead(salary, 2) OVER (ORDER BY id), lag(salary, 1, -1) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, first_value(id) OVER w, last_value(id) OVER w, nth_value(id, 2) OVER w
  FROM emp WINDOW w AS (PARTITION BY dept ORDER BY id) ORDER BY id;
SELECT id, last_value(id) OVER (PARTITION BY dept ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM emp ORDER BY id;
SELECT id, salary, sum(salary) OVER (ORDER BY salary) AS running, count(*) OVER () AS total FROM emp ORDER BY salary, id;
SELECT id, sum(salary) OVER (PARTITION BY dept) AS dept_total, avg(salary) OVER (PARTITION BY dept) FROM emp ORDER BY id;
SELECT id, sum(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s3,
       min(id) OVER (ORDER BY id ROWS 2 PRECEDING) AS m, count(salary) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS c
  FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM emp ORDER BY id;
SELECT dept, sum(salary), rank() OVER (ORDER BY sum(salary) DESC) FROM emp GROUP BY dept ORDER BY dept;
SELECT dept, count(*) FILTER (WHERE salary > 60) OVER (PARTITION BY dept) FROM emp ORDER BY id;
SELECT id, row_number() OVER (ORDER BY id DESC) AS rn FROM emp ORDER BY rn LIMIT 3;
SELECT id, salary - lag(salary) OVER (ORDER BY id) AS diff FROM emp ORDER BY id;
SELECT * FROM (SELECT id, dept, rank() OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST) AS r FROM emp) s WHERE r = 1 ORDER BY dept;
SELECT id, count(*) OVER (w ORDER BY id) FROM emp WINDOW w AS (PARTITION BY dept) ORDER BY id;
SELECT DISTINCT dept, count(*) OVER (PARTITION BY dept) FROM emp ORDER BY dept;
-- errors
SELECT id FROM emp WHERE row_number() OVER () > 1;
SELECT row_number() OVER (ORDER BY row_number() OVER ()) FROM emp;
SELECT lower('x') OVER () FROM emp;
SELECT id, rank() OVER nope FROM emp;
SELECT ntile(0) OVER () FROM emp;
SELECT nth_value(id, 0) OVER () FROM emp;
SELECT sum(DISTINCT id) OVER () FROM emp;
SELECT id FROM emp GROUP BY row_number() OVER ();
SELECT sum(row_number() OVER ()) FROM emp;
