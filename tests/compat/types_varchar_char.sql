-- varchar(n) and char(n): storage, blank padding of char(n), comparisons, length limits.
CREATE TABLE strs (id integer PRIMARY KEY, v varchar(5), c char(5), c1 char);
INSERT INTO strs VALUES
  (1, 'abc', 'abc', 'x'),
  (2, 'abcde', 'abcde', 'y'),
  (3, '', '', ' '),
  (4, NULL, NULL, NULL),
  (5, 'ünï', 'ünï', 'é');
SELECT * FROM strs ORDER BY id;
SELECT id, '[' || v || ']' AS v_br, '[' || c || ']' AS c_br FROM strs ORDER BY id;
SELECT id FROM strs WHERE c = 'abc' ORDER BY id;
SELECT id FROM strs WHERE c = 'abc  ' ORDER BY id;
SELECT 'ab'::char(4) AS padded, 'abcdef'::varchar(3) AS cast_truncates, 'abcdef'::char(2) AS char_trunc;
-- trailing spaces beyond the limit are allowed, other characters are not
INSERT INTO strs VALUES (6, 'abc    ', 'abc    ', 'z');
SELECT id, '[' || v || ']' AS v_br, '[' || c || ']' AS c_br FROM strs WHERE id = 6;
INSERT INTO strs VALUES (7, 'abcdef', 'x', 'z');
INSERT INTO strs VALUES (8, 'x', 'abcdef', 'z');
INSERT INTO strs VALUES (9, 'x', 'x', 'zz');
SELECT count(*) FROM strs;
