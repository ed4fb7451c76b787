-- 22012 division by zero for every numeric type and for modulo; from table data and constants.
SELECT 1 / 0;
SELECT 1::bigint / 0;
SELECT 1::smallint / 0::smallint;
SELECT 1.5 / 0;
SELECT 1.0::float8 / 0;
SELECT 1.0::real / 0::real;
SELECT 5 % 0;
SELECT 5::numeric % 0;
SELECT 0 / 0;
CREATE TABLE dz (id integer PRIMARY KEY, d integer);
INSERT INTO dz VALUES (1, 2), (2, 0), (3, 1);
SELECT id, 10 / d FROM dz ORDER BY id;
SELECT id FROM dz WHERE 10 / d > 1;
SELECT sum(10 / d) FROM dz;
INSERT INTO dz VALUES (4, 1 / 0);
SELECT id, 10 / d FROM dz WHERE d <> 0 ORDER BY id;
