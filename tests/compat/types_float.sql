-- real and double precision: shortest round-trip output, exponents, NaN and infinities.
CREATE TABLE floats (id integer PRIMARY KEY, r real, d double precision);
INSERT INTO floats VALUES
  (1, 0.1, 0.1),
  (2, 1e20, 1e20),
  (3, 1.5e-7, 1.5e-7),
  (4, -2.5, -2.5),
  (5, 'NaN', 'NaN'),
  (6, 'Infinity', 'Infinity'),
  (7, '-Infinity', '-Infinity'),
  (8, 0, 0),
  (9, 123456789, 123456789),
  (10, 3.14159265358979, 3.14159265358979),
  (11, 1e-40, 1e-300),
  (12, NULL, NULL);
SELECT * FROM floats ORDER BY id;
SELECT 'NaN'::float8 AS nan, 'Infinity'::float8 AS inf, '-Infinity'::float8 AS ninf;
SELECT 'nan'::real AS nan4, 'inf'::real AS inf4, '-inf'::double precision AS ninf8;
SELECT 0.1::float8 + 0.2::float8 AS sum, 1.0::float8 / 3 AS third, 2.0::real / 3 AS third4;
SELECT 1e15::float8 AS e15, 1e16::float8 AS e16, 1e-4::float8 AS em4, 1e-5::float8 AS em5;
SELECT 123456.789::real AS r, 1234567.0::real AS r7, 12345678.0::real AS r8;
SELECT -0.0::float8 AS neg_zero, '-0'::float8 AS neg_zero_text;
-- NaN sorts after every other value, Infinity just before it
SELECT d FROM floats ORDER BY d;
SELECT r FROM floats ORDER BY r DESC;
