-- CHECK constraints: column and table level, default names, violations on
-- INSERT and UPDATE, NULL passes, rollback.
CREATE TABLE c1 (a int CHECK (a > 0), b int, c text, CHECK (b > a), CONSTRAINT named CHECK (c <> 'bad'), CHECK (a < 1000 AND b < 1000), CHECK (true));
INSERT INTO c1 VALUES (1, 2, 'ok');
INSERT INTO c1 VALUES (0, 2, 'ok');
INSERT INTO c1 VALUES (5, 2, 'ok');
INSERT INTO c1 VALUES (5, 6, 'bad');
INSERT INTO c1 VALUES (NULL, NULL, NULL);
INSERT INTO c1 VALUES (5000, 6000, 'x');
INSERT INTO c1 VALUES (-1, -5, 'bad');
UPDATE c1 SET a = -1 WHERE a = 1;
UPDATE c1 SET b = 100 WHERE a = 1;
SELECT * FROM c1 ORDER BY a;
BEGIN;
INSERT INTO c1 VALUES (7, 8, 'fine');
INSERT INTO c1 VALUES (7, 1, 'fails');
COMMIT;
SELECT * FROM c1 ORDER BY a;
CREATE TABLE c2 (a int CHECK (a), b int);
CREATE TABLE c2 (a int CHECK (nosuch > 0));
CREATE TABLE c2 (a int CONSTRAINT x CHECK (a > 0), b int CONSTRAINT x CHECK (b > 0));
CREATE TABLE c2 (a int CHECK (a > 0), b int CHECK (a > 0));
INSERT INTO c2 VALUES (0, 1);
CREATE TABLE c3 (a int CHECK (a > 0) CHECK (a < 10), b text CHECK (length(b) < 3));
INSERT INTO c3 VALUES (11, 'a');
INSERT INTO c3 VALUES (1, 'abcd');
INSERT INTO c3 VALUES (1, 'ab');
SELECT * FROM c3;
DROP TABLE c1, c2, c3;
