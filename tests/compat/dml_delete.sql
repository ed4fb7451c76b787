-- DELETE: WHERE, counts, deleting nothing, deleting all rows, re-inserting a deleted key.
CREATE TABLE log (id integer PRIMARY KEY, level text, msg text);
INSERT INTO log VALUES (1, 'info', 'start'), (2, 'warn', 'disk'), (3, 'info', 'tick'),
  (4, 'error', 'boom'), (5, 'info', 'tock'), (6, NULL, 'unknown');
DELETE FROM log WHERE level = 'info';
SELECT * FROM log ORDER BY id;
DELETE FROM log WHERE id = 42;
DELETE FROM log WHERE level IS NULL;
SELECT * FROM log ORDER BY id;
-- a deleted key can be inserted again
INSERT INTO log VALUES (1, 'info', 'again');
SELECT * FROM log ORDER BY id;
-- errors
DELETE FROM nosuch;
DELETE FROM log WHERE nosuch = 1;
DELETE FROM log WHERE id / 0 = 1;
SELECT * FROM log ORDER BY id;
DELETE FROM log;
SELECT count(*) FROM log;
DELETE FROM log;
