-- NOT NULL: 23502 with the column, relation and the failing row in DETAIL.
CREATE TABLE nn (id integer PRIMARY KEY, name text NOT NULL, score integer, flag boolean NOT NULL);
INSERT INTO nn VALUES (1, 'a', 10, true);
INSERT INTO nn VALUES (2, NULL, 20, false);
INSERT INTO nn VALUES (3, 'c', NULL, NULL);
INSERT INTO nn (id, score, flag) VALUES (4, 5, true);
INSERT INTO nn (id, name) VALUES (5, 'e');
UPDATE nn SET name = NULL WHERE id = 1;
-- the whole statement fails: no row of a multi-row insert is kept
INSERT INTO nn VALUES (6, 'f', 1, true), (7, NULL, 2, true);
SELECT * FROM nn ORDER BY id;
-- NULL allowed where there is no constraint
INSERT INTO nn VALUES (8, 'h', NULL, false);
SELECT * FROM nn ORDER BY id;
-- a primary key column is NOT NULL too
CREATE TABLE pk (k text PRIMARY KEY, v text);
INSERT INTO pk VALUES (NULL, 'x');
