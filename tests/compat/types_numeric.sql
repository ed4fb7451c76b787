-- numeric: arbitrary precision, scale preserved in output, numeric(p,s) rounding.
CREATE TABLE nums (id integer PRIMARY KEY, n numeric, m numeric(10,2));
INSERT INTO nums VALUES
  (1, 0, 0),
  (2, 1.5, 1.5),
  (3, -1.25, -1.255),
  (4, 123456789012345678901234567890.123456789, 12345678.9),
  (5, 0.000001, 0.004),
  (6, 100, 100),
  (7, 'NaN', 1.005),
  (8, NULL, NULL);
SELECT * FROM nums ORDER BY id;
SELECT 1.10 AS trailing_zero, 1.0 + 2.00 AS add_scale, 2.5 * 1.25 AS mul_scale;
SELECT 10.0 / 4 AS div, 1 / 3.0 AS third, 2::numeric / 3 AS two_thirds;
SELECT 0.1 + 0.2 AS exact_sum, -0.0 AS neg_zero, 1e3 AS e3, 1.5e-3 AS e_neg;
SELECT '  12.50 '::numeric AS padded, '-.5'::numeric AS leading_dot, 'nan'::numeric AS nan;
SELECT n FROM nums ORDER BY n;
SELECT 12.345::numeric(5,1) AS rounded, 12.35::numeric(4,1) AS half_up, -12.35::numeric(4,1) AS neg_half;
