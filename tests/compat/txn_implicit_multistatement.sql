-- Several statements in one simple Query message (psql's \; joins them): they run as one
-- implicit transaction, so an error rolls back everything before it in the same message.
CREATE TABLE mi (id integer PRIMARY KEY, v text);
INSERT INTO mi VALUES (1, 'a') \; INSERT INTO mi VALUES (2, 'b');
SELECT * FROM mi ORDER BY id;
-- the error in the middle undoes the first insert and skips the third statement
INSERT INTO mi VALUES (3, 'c') \; SELECT 1 / 0 \; INSERT INTO mi VALUES (4, 'd');
SELECT * FROM mi ORDER BY id;
-- a duplicate key in the second statement undoes the first
UPDATE mi SET v = 'changed' \; INSERT INTO mi VALUES (1, 'dup');
SELECT * FROM mi ORDER BY id;
-- every SELECT in the message returns its rows
SELECT 1 AS first \; SELECT 2 AS second \; SELECT id FROM mi ORDER BY id;
-- results before the failing statement are still shown
SELECT 'shown' AS x \; SELECT nosuch FROM mi \; SELECT 'not run' AS y;
-- an explicit BEGIN/COMMIT inside the message
BEGIN \; INSERT INTO mi VALUES (5, 'e') \; COMMIT;
SELECT * FROM mi ORDER BY id;
-- a COMMIT in the middle ends the implicit transaction: the work before it stays
INSERT INTO mi VALUES (6, 'f') \; COMMIT \; INSERT INTO mi VALUES (6, 'again');
SELECT * FROM mi ORDER BY id;
-- BEGIN without COMMIT leaves an open transaction after the message
INSERT INTO mi VALUES (7, 'g') \; BEGIN \; INSERT INTO mi VALUES (8, 'h');
ROLLBACK;
SELECT * FROM mi ORDER BY id;
-- a syntax error anywhere in the message prevents all of it from running
INSERT INTO mi VALUES (9, 'i') \; SELEC 1;
SELECT * FROM mi ORDER BY id;
-- the multi-statement message inside an explicit transaction block
BEGIN;
INSERT INTO mi VALUES (10, 'j') \; INSERT INTO mi VALUES (11, 'k');
SELECT 1 / 0 \; SELECT 2;
SELECT 1;
ROLLBACK;
SELECT * FROM mi ORDER BY id;
