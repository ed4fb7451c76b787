-- Multi-column PRIMARY KEY: uniqueness of the combination, detail lists every key column.
CREATE TABLE pairs (a integer, b text, v integer, PRIMARY KEY (a, b));
INSERT INTO pairs VALUES (1, 'x', 10), (1, 'y', 11), (2, 'x', 20);
INSERT INTO pairs VALUES (1, 'x', 99);
INSERT INTO pairs VALUES (2, NULL, 1);
SELECT * FROM pairs ORDER BY a, b;
-- key column order in the constraint differs from the table order
CREATE TABLE rev (a integer, b integer, c integer, PRIMARY KEY (c, a));
INSERT INTO rev VALUES (1, 2, 3), (1, 5, 4), (2, 2, 3);
INSERT INTO rev VALUES (1, 9, 3);
SELECT * FROM rev ORDER BY c, a;
UPDATE rev SET a = 1 WHERE a = 2;
SELECT * FROM rev ORDER BY c, a;
-- three key columns of different types
CREATE TABLE tri (x smallint, y bigint, z varchar(5), PRIMARY KEY (x, y, z));
INSERT INTO tri VALUES (1, 1, 'a'), (1, 1, 'b'), (1, 2, 'a');
INSERT INTO tri VALUES (1, 1, 'a');
SELECT count(*) FROM tri;
