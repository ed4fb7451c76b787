-- 42P01 undefined table in every statement kind, with the caret under the name.
SELECT * FROM missing;
SELECT a FROM missing WHERE b = 1;
INSERT INTO missing VALUES (1);
UPDATE missing SET a = 1;
DELETE FROM missing;
DROP TABLE missing;
SELECT *
  FROM
    also_missing;
CREATE TABLE present (id integer);
SELECT * FROM present, missing;
SELECT * FROM "Present";
SELECT missing.id FROM present;
