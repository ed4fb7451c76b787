-- 42601 syntax errors: message, LINE with caret at the error position, multi-line statements,
-- errors at the end of input, and the session carrying on afterwards.
SELEC 1;
SELECT 1 +;
SELECT * FORM t;
CREATE TABLE (id integer);
CREATE TABLE t (id integer,);
INSERT INTO VALUES (1);
SELECT 1,
  2,
  3 4;
SELECT 'unterminated' 'x';
SELECT 1 FROM;
SELECT id FROM t WHERE;
DROP TABLE;
UPDATE SET x = 1;
DELETE t;
SELECT 1 ORDER id;
SELECT                                                                        this_is_far_to_the_right FROM nowhere where and;
SELECT 'ünïcödé' + FROM t;
-- the session is fine afterwards
SELECT 'still alive' AS status;
