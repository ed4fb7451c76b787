-- A failed statement aborts the transaction: later statements get 25P02 until ROLLBACK;
-- COMMIT of a failed transaction reports ROLLBACK.
CREATE TABLE ta (id integer PRIMARY KEY, v text);
INSERT INTO ta VALUES (1, 'before');
BEGIN;
INSERT INTO ta VALUES (2, 'in txn');
SELECT 1 / 0;
SELECT * FROM ta;
INSERT INTO ta VALUES (3, 'ignored');
ROLLBACK;
SELECT * FROM ta ORDER BY id;
-- the same with COMMIT: the command tag is ROLLBACK
BEGIN;
INSERT INTO ta VALUES (4, 'x');
INSERT INTO ta VALUES (1, 'duplicate');
SELECT 1;
COMMIT;
SELECT * FROM ta ORDER BY id;
-- an error from a syntax error also aborts
BEGIN;
INSERT INTO ta VALUES (5, 'y');
SELEC 1;
SELECT * FROM ta;
ROLLBACK;
SELECT * FROM ta ORDER BY id;
-- after ROLLBACK the session works normally
INSERT INTO ta VALUES (6, 'after');
SELECT * FROM ta ORDER BY id;
