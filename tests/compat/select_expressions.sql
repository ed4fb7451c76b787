-- Expressions in the select list over table columns: arithmetic, precedence, comparison, concatenation.
CREATE TABLE e (id integer PRIMARY KEY, a integer, b bigint, x double precision, n numeric, s text);
INSERT INTO e VALUES (1, 7, 3, 0.5, 1.25, 'ab'), (2, -4, 10, 2.0, -3.5, 'cd'), (3, 0, 0, -1.5, 0, ''), (4, NULL, 1, NULL, NULL, NULL);
SELECT id, a + b, a - b, a * b, b / 2, a % 3 FROM e ORDER BY id;
SELECT id, a * x, n * 2, n / 4, a + n FROM e ORDER BY id;
SELECT id, -a, - -b, a > b, a = 0, s || '!' FROM e ORDER BY id;
SELECT id, a + b * 2 - 1, (a + b) * 2, a * b % 4, -a * -b FROM e ORDER BY id;
SELECT id, a < b AND b > 2, a < 0 OR s = 'ab', NOT (a = 7) FROM e ORDER BY id;
SELECT id, s, s = 'ab', s < 'b', s >= '', s <> 'cd' FROM e ORDER BY id;
SELECT id, a >= 0, a <= 0, a != 7, b > a, x < n FROM e ORDER BY id;
SELECT id, a::bigint + b, b::integer, x::numeric, n::double precision, a::text || s FROM e ORDER BY id;
SELECT id, n::integer, x::integer, x::real, (a * 1.5)::bigint FROM e ORDER BY id;
-- mixed-type arithmetic: integer with bigint, numeric and double precision
SELECT 2147483647 + 1::bigint, 3 / 2.0, 1 + 0.5::float8, 10::smallint * 3, 5::smallint / 2::smallint;
