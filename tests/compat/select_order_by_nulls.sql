-- NULL ordering: last for ASC, first for DESC by default; NULLS FIRST/LAST override it.
CREATE TABLE nl (id integer PRIMARY KEY, v integer, s text);
INSERT INTO nl VALUES (1, 3, 'c'), (2, NULL, 'a'), (3, 1, NULL), (4, NULL, NULL), (5, 2, 'b'), (6, -1, '');
SELECT id, v FROM nl ORDER BY v, id;
SELECT id, v FROM nl ORDER BY v DESC, id;
SELECT id, v FROM nl ORDER BY v NULLS FIRST, id;
SELECT id, v FROM nl ORDER BY v ASC NULLS LAST, id;
SELECT id, v FROM nl ORDER BY v DESC NULLS LAST, id;
SELECT id, v FROM nl ORDER BY v DESC NULLS FIRST, id DESC;
SELECT id, s FROM nl ORDER BY s, id;
SELECT id, s FROM nl ORDER BY s DESC NULLS LAST, id;
SELECT id, v, s FROM nl ORDER BY s NULLS FIRST, v NULLS FIRST;
