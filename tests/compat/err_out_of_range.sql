-- 22003 numeric value out of range: integer overflow in arithmetic, too-large literals for a
-- column type, casts, and numeric precision overflow.
SELECT 2147483647 + 1;
SELECT -2147483648 - 1;
SELECT 2147483647 * 2;
SELECT 9223372036854775807 + 1;
SELECT (-9223372036854775807 - 1) * -1;
SELECT 32767::smallint + 1::smallint;
SELECT 40000::smallint;
SELECT '40000'::smallint;
SELECT '3000000000'::integer;
SELECT '99999999999999999999'::bigint;
SELECT 3000000000::integer;
SELECT 1e39::real;
SELECT '1e400'::float8;
SELECT 1e308::float8 * 10;
SELECT 123.45::numeric(4,2);
CREATE TABLE oor (id integer PRIMARY KEY, s smallint, i integer, m numeric(5,2));
INSERT INTO oor VALUES (1, 32768, 0, 0);
INSERT INTO oor VALUES (2, 0, 2147483648, 0);
INSERT INTO oor VALUES (3, '-32769', 0, 0);
INSERT INTO oor VALUES (4, 0, 0, 1000);
INSERT INTO oor VALUES (5, 32767, 2147483647, 999.99);
UPDATE oor SET s = s + 1;
UPDATE oor SET i = i * 2;
SELECT * FROM oor;
SELECT -32768::smallint;
SELECT (-32768)::smallint, (-2147483648)::integer;
