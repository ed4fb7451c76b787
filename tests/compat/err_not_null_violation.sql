-- 23502 not-null violation: message with column and relation, DETAIL with the whole failing row
-- (NULLs shown as "null", other values in their text form).
CREATE TABLE nv (id integer PRIMARY KEY, name text NOT NULL, score double precision, ok boolean, code char(3), n numeric);
INSERT INTO nv VALUES (1, NULL, 1.5, true, 'ab', 12.50);
INSERT INTO nv (id, score) VALUES (2, -0.1);
INSERT INTO nv VALUES (3, 'x', NULL, NULL, NULL, NULL), (4, NULL, 1e20, false, 'abc', -1);
INSERT INTO nv VALUES (5, 'ok', 'NaN', true, 'a', 0);
UPDATE nv SET name = NULL WHERE id = 5;
SELECT * FROM nv ORDER BY id;
CREATE TABLE nv2 ("Weird Col" text NOT NULL);
INSERT INTO nv2 VALUES (NULL);
