-- Integer types: smallint, integer, bigint. Display of positive, negative, zero and the extremes.
CREATE TABLE ints (id integer PRIMARY KEY, s smallint, i integer, b bigint);
INSERT INTO ints VALUES
  (1, 0, 0, 0),
  (2, 1, 1, 1),
  (3, -1, -1, -1),
  (4, 32767, 2147483647, 9223372036854775807),
  (5, -32768, -2147483648, -9223372036854775808),
  (6, 42, -123456, 1234567890123),
  (7, NULL, NULL, NULL);
SELECT * FROM ints ORDER BY id;
SELECT s, i, b FROM ints WHERE id = 5;
-- integer literals and their types
SELECT 1 AS one, -1 AS minus_one, 2147483647 AS int4_max, 2147483648 AS becomes_int8;
SELECT 9223372036854775807 AS int8_max, -9223372036854775808 AS int8_min;
SELECT 7 / 2 AS int_div, -7 / 2 AS neg_div, 7 % 3 AS modulo, -7 % 3 AS neg_mod;
SELECT 32767::smallint AS s, 2147483647::integer AS i, 9223372036854775807::bigint AS b;
SELECT '  42  '::integer AS padded_input, '-0'::integer AS minus_zero, '+7'::bigint AS plus_seven;
