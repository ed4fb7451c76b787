-- 23505 unique violation on primary keys: message names the constraint, DETAIL shows the key.
CREATE TABLE u (id integer PRIMARY KEY, v text);
INSERT INTO u VALUES (1, 'a');
INSERT INTO u VALUES (1, 'b');
INSERT INTO u VALUES (2, 'b'), (2, 'c');
INSERT INTO u VALUES (-7, 'neg'), (-7, 'neg');
SELECT * FROM u ORDER BY id;
CREATE TABLE u_text (code varchar(10) PRIMARY KEY);
INSERT INTO u_text VALUES ('x y'), ('x y');
INSERT INTO u_text VALUES ('it''s'), ('it''s');
CREATE TABLE u_multi (a integer, b text, c bigint, PRIMARY KEY (a, b, c));
INSERT INTO u_multi VALUES (1, 'q', 2), (1, 'q', 2);
CREATE TABLE u_num (n numeric PRIMARY KEY, b boolean);
INSERT INTO u_num VALUES (1.50, true), (1.5, false);
CREATE TABLE u_bool (b boolean PRIMARY KEY);
INSERT INTO u_bool VALUES (true), (false), ('t');
-- an UPDATE that collides
INSERT INTO u VALUES (2, 'two');
UPDATE u SET id = 1 WHERE id = 2;
SELECT * FROM u ORDER BY id;
