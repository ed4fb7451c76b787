-- 42804 datatype mismatch: values and expressions of the wrong type for a column, non-boolean
-- WHERE/HAVING conditions.
CREATE TABLE dm (id integer PRIMARY KEY, n integer, t text, b boolean, d double precision);
INSERT INTO dm (id, n) VALUES (1, true);
INSERT INTO dm (id, b) VALUES (2, 1);
INSERT INTO dm (id, b) VALUES (3, 1.5);
INSERT INTO dm (id, d) VALUES (4, false);
INSERT INTO dm VALUES (5, 1, 'x', true, 1.0);
UPDATE dm SET n = false WHERE id = 5;
UPDATE dm SET b = n WHERE id = 5;
SELECT id FROM dm WHERE n;
SELECT id FROM dm WHERE d;
SELECT id FROM dm WHERE 1;
SELECT n, count(*) FROM dm GROUP BY n HAVING count(*);
SELECT * FROM dm ORDER BY id;
