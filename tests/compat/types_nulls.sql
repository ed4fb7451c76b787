-- NULL in every supported type, NULL in expressions, IS [NOT] NULL, and \pset null.
CREATE TABLE allnull (
  id integer PRIMARY KEY, s smallint, i integer, b bigint, r real, d double precision,
  n numeric, t text, v varchar(3), c char(3), f boolean);
INSERT INTO allnull (id) VALUES (1);
INSERT INTO allnull VALUES (2, 1, 2, 3, 4.5, 6.5, 7.25, 'x', 'y', 'z', true);
SELECT * FROM allnull ORDER BY id;
SELECT id, i IS NULL AS i_null, t IS NOT NULL AS t_not_null FROM allnull ORDER BY id;
SELECT NULL AS untyped, NULL::integer AS int_null, NULL::text AS text_null;
SELECT 1 + NULL AS plus, NULL * 2 AS times, -NULL::integer AS neg;
\pset null '(null)'
SELECT * FROM allnull ORDER BY id;
\pset null ''
SELECT count(*) AS rows, count(i) AS non_null_i FROM allnull;
