-- 22P02 invalid text representation: string literals that don't parse as the target type,
-- in casts, INSERT values and comparisons.
SELECT 'abc'::integer;
SELECT ''::integer;
SELECT '12x'::bigint;
SELECT '1.5'::integer;
SELECT 'yes please'::boolean;
SELECT 'x1'::numeric;
SELECT 'one'::float8;
SELECT '1e'::real;
SELECT ' '::smallint;
CREATE TABLE ii (id integer PRIMARY KEY, n integer, b boolean, m numeric, d double precision);
INSERT INTO ii VALUES ('1', '2', 'true', '3.5', '4.5');
INSERT INTO ii VALUES ('two', 2, true, 1, 1);
INSERT INTO ii VALUES (3, 'many', true, 1, 1);
INSERT INTO ii VALUES (4, 4, 'maybe', 1, 1);
INSERT INTO ii VALUES (5, 5, true, '1,5', 1);
INSERT INTO ii VALUES (6, 6, true, 1, '--1');
SELECT * FROM ii WHERE n = 'three';
UPDATE ii SET n = 'x';
SELECT * FROM ii;
