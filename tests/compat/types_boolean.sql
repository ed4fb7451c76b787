-- boolean: input spellings, display as t/f, NULL, logic with three values.
CREATE TABLE bools (id integer PRIMARY KEY, b boolean);
INSERT INTO bools VALUES (1, true), (2, false), (3, NULL), (4, 't'), (5, 'no'), (6, 'YES'), (7, '1'), (8, 'off');
SELECT * FROM bools ORDER BY id;
SELECT id FROM bools WHERE b ORDER BY id;
SELECT id FROM bools WHERE NOT b ORDER BY id;
SELECT id FROM bools WHERE b IS NULL;
SELECT true AND NULL AS and_null, false AND NULL AS and_false, true OR NULL AS or_true, false OR NULL AS or_null, NOT NULL::boolean AS not_null;
SELECT 1 < 2 AS lt, 2 <= 1 AS le, 'a' = 'a' AS eq, 'a' <> 'b' AS ne, NULL = NULL AS null_eq;
SELECT b, count(*) FROM bools GROUP BY b ORDER BY b;
SELECT 'true'::boolean AS t1, 'FALSE'::boolean AS f1, 'on'::boolean AS t2, '0'::boolean AS f2;
