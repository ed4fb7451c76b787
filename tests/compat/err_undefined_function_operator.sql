-- 42883 operator does not exist: type combinations without an operator (hint included).
CREATE TABLE uf (id integer PRIMARY KEY, t text, b boolean);
SELECT id + t FROM uf;
SELECT b + 1 FROM uf;
SELECT 'a'::text - 'b'::text;
SELECT true > 1;
SELECT id FROM uf WHERE t = 1;
