-- Sequences: CREATE/ALTER/DROP SEQUENCE, nextval/currval/setval/lastval.
CREATE SEQUENCE s1;
SELECT last_value, log_cnt, is_called FROM s1;
SELECT currval('s1');
SELECT lastval();
SELECT nextval('s1');
SELECT last_value, log_cnt, is_called FROM s1;
SELECT nextval('s1'), nextval('s1');
SELECT currval('s1'), lastval();
SELECT last_value, log_cnt, is_called FROM s1;
SELECT setval('s1', 100);
SELECT nextval('s1');
SELECT setval('s1', 200, false);
SELECT nextval('s1');
SELECT last_value, log_cnt, is_called FROM s1;
CREATE SEQUENCE s1;
CREATE SEQUENCE IF NOT EXISTS s1;
CREATE TABLE t1 (a int);
CREATE SEQUENCE t1;
-- options
CREATE SEQUENCE s2 INCREMENT BY 5 START WITH 10 MINVALUE 0 MAXVALUE 30;
SELECT nextval('s2'), nextval('s2'), nextval('s2'), nextval('s2'), nextval('s2');
SELECT nextval('s2');
CREATE SEQUENCE s3 INCREMENT -1;
SELECT nextval('s3'), nextval('s3');
SELECT last_value, log_cnt, is_called FROM s3;
CREATE SEQUENCE s4 AS smallint MAXVALUE 3 CYCLE;
SELECT nextval('s4'), nextval('s4'), nextval('s4'), nextval('s4'), nextval('s4');
CREATE SEQUENCE s5 AS integer START 2147483647;
SELECT nextval('s5');
SELECT nextval('s5');
CREATE SEQUENCE s6 MINVALUE -10 MAXVALUE -1 INCREMENT -3 CYCLE;
SELECT nextval('s6'), nextval('s6'), nextval('s6'), nextval('s6'), nextval('s6');
-- option errors
CREATE SEQUENCE e1 INCREMENT 0;
CREATE SEQUENCE e1 AS text;
CREATE SEQUENCE e1 AS smallint MAXVALUE 100000;
CREATE SEQUENCE e1 MINVALUE 10 MAXVALUE 5;
CREATE SEQUENCE e1 START 0;
CREATE SEQUENCE e1 START 100 MAXVALUE 50;
CREATE SEQUENCE e1 CACHE 0;
CREATE SEQUENCE e1 INCREMENT 1 INCREMENT 2;
CREATE SEQUENCE e1 OWNED BY nosuch.col;
CREATE SEQUENCE e1 OWNED BY t1.nosuch;
CREATE SEQUENCE e1 OWNED BY foo;
-- ALTER SEQUENCE
ALTER SEQUENCE s1 RESTART;
SELECT nextval('s1');
ALTER SEQUENCE s1 RESTART WITH 42;
SELECT last_value, log_cnt, is_called FROM s1;
SELECT nextval('s1');
ALTER SEQUENCE s1 INCREMENT BY 10;
SELECT nextval('s1');
ALTER SEQUENCE s1 MAXVALUE 10;
ALTER SEQUENCE nosuch RESTART;
ALTER SEQUENCE IF EXISTS nosuch RESTART;
ALTER SEQUENCE t1 RESTART;
-- functions on the wrong relation
SELECT nextval('t1');
SELECT nextval('nosuch');
SELECT setval('s2', 1000);
SELECT setval('s2', 5);
-- DML on a sequence
INSERT INTO s1 VALUES (1, 0, true);
UPDATE s1 SET last_value = 5;
DELETE FROM s1;
-- nextval is not rolled back
BEGIN;
SELECT nextval('s1');
ROLLBACK;
SELECT nextval('s1');
-- CREATE SEQUENCE is transactional
BEGIN;
CREATE SEQUENCE s7;
SELECT nextval('s7');
ROLLBACK;
SELECT nextval('s7');
-- DROP SEQUENCE
DROP SEQUENCE s2, s3;
DROP SEQUENCE s2;
DROP SEQUENCE IF EXISTS s2;
DROP SEQUENCE t1;
DROP TABLE s1;
DROP SEQUENCE s1;
SELECT nextval('s1');
