-- WHERE: comparisons on each type, AND/OR/NOT, IS [NOT] NULL, constant conditions.
CREATE TABLE w (id integer PRIMARY KEY, n integer, s text, f boolean, d double precision);
INSERT INTO w VALUES (1, 10, 'a', true, 1.5), (2, 20, 'b', false, -2.5), (3, 30, 'c', NULL, 0),
  (4, NULL, 'd', true, NULL), (5, 20, NULL, false, 1e10), (6, -10, 'a', true, 0.1);
SELECT id FROM w WHERE n = 20 ORDER BY id;
SELECT id FROM w WHERE n <> 20 ORDER BY id;
SELECT id FROM w WHERE n > 10 AND n <= 30 ORDER BY id;
SELECT id FROM w WHERE n < 0 OR s = 'c' ORDER BY id;
SELECT id FROM w WHERE NOT (n = 20) ORDER BY id;
SELECT id FROM w WHERE n IS NULL;
SELECT id FROM w WHERE s IS NOT NULL AND f ORDER BY id;
SELECT id FROM w WHERE f = false ORDER BY id;
SELECT id FROM w WHERE f IS NOT TRUE ORDER BY id;
SELECT id FROM w WHERE s >= 'b' ORDER BY id;
SELECT id FROM w WHERE d > 0.1 ORDER BY id;
SELECT id FROM w WHERE d = 0.1 ORDER BY id;
SELECT id FROM w WHERE n * 2 = 40 ORDER BY id;
SELECT id FROM w WHERE n = id * 10 ORDER BY id;
SELECT id FROM w WHERE true ORDER BY id;
SELECT id FROM w WHERE false;
SELECT id FROM w WHERE NULL;
SELECT id FROM w WHERE 1 = 1 AND id < 3 ORDER BY id;
-- numeric literals compare with integer columns across types
SELECT id FROM w WHERE n = 20.0 ORDER BY id;
SELECT id FROM w WHERE n < 15.5 ORDER BY id;
SELECT id FROM w WHERE id = '3';
-- WHERE must be boolean
SELECT id FROM w WHERE n;
SELECT id FROM w WHERE 'abc';
