-- 42703 undefined column: in the select list, WHERE, ORDER BY, INSERT and UPDATE targets.
CREATE TABLE uc (id integer PRIMARY KEY, val text);
SELECT xyzzy FROM uc;
SELECT id, qqq + 1 FROM uc;
SELECT id FROM uc WHERE zzz = 1;
SELECT id FROM uc ORDER BY www;
INSERT INTO uc (id, kkk) VALUES (1, 'x');
UPDATE uc SET mmm = 1;
UPDATE uc SET val = 'x' WHERE jjj > 0;
SELECT uc.bogus FROM uc;
SELECT "ID" FROM uc;
SELECT id FROM uc GROUP BY ggg;
SELECT count(vvv) FROM uc;
