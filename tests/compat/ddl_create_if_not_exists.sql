-- CREATE TABLE IF NOT EXISTS: a notice (00000 with the relation name) instead of an error.
CREATE TABLE IF NOT EXISTS t (id integer PRIMARY KEY, v text);
INSERT INTO t VALUES (1, 'kept');
CREATE TABLE IF NOT EXISTS t (id integer PRIMARY KEY, v text);
-- a different definition under the same name is not applied
CREATE TABLE IF NOT EXISTS t (other bigint);
SELECT * FROM t;
CREATE TABLE IF NOT EXISTS t2 (x integer);
SELECT * FROM t2;
