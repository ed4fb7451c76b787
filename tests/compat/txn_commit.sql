-- BEGIN ... COMMIT: changes become visible, several statement kinds in one transaction.
CREATE TABLE tc (id integer PRIMARY KEY, v text);
BEGIN;
INSERT INTO tc VALUES (1, 'a'), (2, 'b');
UPDATE tc SET v = 'bb' WHERE id = 2;
SELECT * FROM tc ORDER BY id;
DELETE FROM tc WHERE id = 1;
INSERT INTO tc VALUES (3, 'c');
COMMIT;
SELECT * FROM tc ORDER BY id;
-- START TRANSACTION and END are spellings of BEGIN and COMMIT
START TRANSACTION;
INSERT INTO tc VALUES (4, 'd');
END;
BEGIN TRANSACTION;
INSERT INTO tc VALUES (5, 'e');
COMMIT TRANSACTION;
BEGIN WORK;
INSERT INTO tc VALUES (6, 'f');
COMMIT WORK;
SELECT * FROM tc ORDER BY id;
-- DDL inside a transaction
BEGIN;
CREATE TABLE tc2 (x integer);
INSERT INTO tc2 VALUES (1);
COMMIT;
SELECT * FROM tc2;
