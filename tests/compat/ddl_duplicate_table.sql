-- 42P07: creating a table that exists fails and leaves the original intact.
CREATE TABLE dup (id integer PRIMARY KEY);
INSERT INTO dup VALUES (1), (2);
CREATE TABLE dup (id integer PRIMARY KEY);
CREATE TABLE dup (x text);
CREATE TABLE DUP (x text);
SELECT * FROM dup ORDER BY id;
-- duplicate column names in one definition: 42701
CREATE TABLE twice (a integer, a text);
SELECT * FROM twice;
