-- Single-column PRIMARY KEY: uniqueness (23505 with key detail), implied NOT NULL, table constraint form.
CREATE TABLE t (id integer PRIMARY KEY, v text);
INSERT INTO t VALUES (1, 'one'), (2, 'two');
INSERT INTO t VALUES (1, 'again');
INSERT INTO t VALUES (3, 'three'), (3, 'three again');
INSERT INTO t VALUES (NULL, 'no key');
SELECT * FROM t ORDER BY id;
-- primary key as a table constraint, text key
CREATE TABLE names (name text, n integer, PRIMARY KEY (name));
INSERT INTO names VALUES ('alice', 1), ('bob', 2);
INSERT INTO names VALUES ('alice', 3);
INSERT INTO names VALUES ('Alice', 3);
SELECT * FROM names ORDER BY name;
-- bigint key at the extremes
CREATE TABLE bigkeys (k bigint PRIMARY KEY);
INSERT INTO bigkeys VALUES (9223372036854775807), (-9223372036854775808), (0);
INSERT INTO bigkeys VALUES (-9223372036854775808);
SELECT * FROM bigkeys ORDER BY k;
-- updating a key onto an existing one
UPDATE t SET id = 2 WHERE id = 1;
SELECT * FROM t ORDER BY id;
-- only one primary key per table
CREATE TABLE twopk (a integer PRIMARY KEY, b integer PRIMARY KEY);
