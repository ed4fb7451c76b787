-- Result types of aggregates: sum(int4) is bigint, sum(int8) is numeric, avg(int) is numeric,
-- sum/avg of real and double precision stay floating point.
CREATE TABLE big (id integer PRIMARY KEY, i integer, s smallint, b bigint, r real, d double precision);
INSERT INTO big VALUES
  (1, 2147483647, 32767, 9223372036854775807, 0.1, 0.1),
  (2, 2147483647, 32767, 9223372036854775807, 0.2, 0.2),
  (3, 2147483647, 32767, 1, 0.3, 0.3);
SELECT sum(i) AS sum_int4, sum(s) AS sum_int2, sum(b) AS sum_int8 FROM big;
SELECT avg(i) AS avg_int4, avg(s) AS avg_int2, avg(b) AS avg_int8 FROM big;
SELECT sum(r) AS sum_real, avg(r) AS avg_real, sum(d) AS sum_double, avg(d) AS avg_double FROM big;
SELECT min(i), max(b), min(r), max(d) FROM big;
-- avg of small integers: numeric with 16+ digits of scale
CREATE TABLE v2 (x integer);
INSERT INTO v2 VALUES (1), (2);
SELECT avg(x) FROM v2;
INSERT INTO v2 VALUES (2);
SELECT avg(x) FROM v2;
CREATE TABLE v3 (x integer);
INSERT INTO v3 VALUES (10), (20), (30);
SELECT avg(x) FROM v3;
CREATE TABLE v4 (x integer);
INSERT INTO v4 VALUES (-1), (-2);
SELECT avg(x), sum(x) FROM v4;
-- the same through a table with integer columns
CREATE TABLE small (id integer PRIMARY KEY, v integer);
INSERT INTO small VALUES (1, 1), (2, 2), (3, 4);
SELECT avg(v), sum(v), avg(v::bigint), avg(v::numeric), avg(v::float8) FROM small;
-- integer arithmetic inside an aggregate still overflows
SELECT sum(i + 1) FROM big;
