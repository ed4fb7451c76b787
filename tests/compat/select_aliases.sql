-- Column and table aliases; output column names with and without AS; * with an alias.
CREATE TABLE emp (id integer PRIMARY KEY, name text, salary integer);
INSERT INTO emp VALUES (1, 'ann', 3000), (2, 'bo', 2500);
SELECT id AS "Employee Id", name AS who, salary * 12 AS yearly FROM emp ORDER BY id;
SELECT id ident, name nm FROM emp ORDER BY id;
SELECT e.id, e.name FROM emp e ORDER BY e.id;
SELECT x.* FROM emp AS x ORDER BY x.id;
SELECT salary + 1, salary, name || '!', id = 1 FROM emp ORDER BY 2;
SELECT id AS same, name AS same FROM emp ORDER BY 1;
SELECT 1 AS "MiXeD", 2 AS lower_case, 3 AS UPPER_CASE, 4 AS "with space";
-- the alias of a select item can be used in ORDER BY but not in WHERE
SELECT salary * 2 AS double_pay FROM emp ORDER BY double_pay DESC;
SELECT salary * 2 AS double_pay FROM emp WHERE double_pay > 0;
-- once aliased, the table name itself is no longer visible
SELECT emp.id FROM emp e;
