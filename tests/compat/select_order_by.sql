-- ORDER BY: ASC/DESC, several keys, ordinal positions, aliases, expressions, text ordering.
CREATE TABLE o (id integer PRIMARY KEY, grp text, n integer, x double precision);
INSERT INTO o VALUES (1, 'b', 3, 0.5), (2, 'a', 3, -1), (3, 'b', 1, 2.25), (4, 'c', 2, 0),
  (5, 'a', 5, 10), (6, 'B', 4, -0.5), (7, 'ab', 0, 3), (8, 'A', 2, 1e-3);
SELECT id, n FROM o ORDER BY n, id;
SELECT id, n FROM o ORDER BY n ASC, id ASC;
SELECT id, n FROM o ORDER BY n DESC, id;
SELECT id, grp FROM o ORDER BY grp, id DESC;
SELECT grp, n, id FROM o ORDER BY 1 DESC, 2 ASC, 3;
SELECT id, n * -1 AS neg FROM o ORDER BY neg, id;
SELECT id, x FROM o ORDER BY x;
SELECT id FROM o ORDER BY n + id, id;
SELECT id, grp FROM o ORDER BY grp DESC, n DESC;
-- ordering by a column that is not selected
SELECT grp FROM o ORDER BY id DESC;
-- bad ordinal
SELECT id FROM o ORDER BY 2;
SELECT id FROM o ORDER BY nosuch;
