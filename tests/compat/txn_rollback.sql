-- ROLLBACK discards inserts, updates, deletes and DDL made since BEGIN.
CREATE TABLE tr (id integer PRIMARY KEY, v text);
INSERT INTO tr VALUES (1, 'keep');
BEGIN;
INSERT INTO tr VALUES (2, 'gone');
UPDATE tr SET v = 'changed' WHERE id = 1;
SELECT * FROM tr ORDER BY id;
ROLLBACK;
SELECT * FROM tr ORDER BY id;
BEGIN;
DELETE FROM tr;
SELECT count(*) FROM tr;
ROLLBACK;
SELECT * FROM tr ORDER BY id;
-- ABORT and ROLLBACK WORK are spellings of ROLLBACK
START TRANSACTION;
INSERT INTO tr VALUES (3, 'x');
ABORT;
BEGIN;
INSERT INTO tr VALUES (4, 'y');
ROLLBACK WORK;
SELECT * FROM tr ORDER BY id;
-- DDL is rolled back too
BEGIN;
CREATE TABLE tr_new (x integer);
INSERT INTO tr_new VALUES (1);
DROP TABLE tr;
ROLLBACK;
SELECT * FROM tr_new;
SELECT * FROM tr ORDER BY id;
-- a key inserted and rolled back can be inserted again
BEGIN;
INSERT INTO tr VALUES (5, 'first');
ROLLBACK;
INSERT INTO tr VALUES (5, 'second');
SELECT * FROM tr ORDER BY id;
