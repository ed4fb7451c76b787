-- DROP TABLE and DROP TABLE IF EXISTS: errors, notices, and re-creation after a drop.
CREATE TABLE d1 (id integer PRIMARY KEY, v text);
INSERT INTO d1 VALUES (1, 'a');
DROP TABLE d1;
SELECT * FROM d1;
DROP TABLE d1;
DROP TABLE IF EXISTS d1;
-- a dropped name can be reused with a different shape and no old rows
CREATE TABLE d1 (x bigint);
SELECT * FROM d1;
DROP TABLE IF EXISTS d1;
SELECT * FROM d1;
-- several tables in one statement
CREATE TABLE d2 (a integer);
CREATE TABLE d3 (a integer);
DROP TABLE d2, d3;
SELECT * FROM d2;
CREATE TABLE d4 (a integer);
DROP TABLE IF EXISTS d4, d5;
DROP TABLE IF EXISTS d5, d6;
SELECT * FROM d4;
