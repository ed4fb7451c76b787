-- The DEFAULT keyword inside VALUES, mixed with explicit values across several rows.
CREATE TABLE cfg (k text PRIMARY KEY, v integer DEFAULT 7, note text DEFAULT 'auto');
INSERT INTO cfg VALUES ('a', DEFAULT, DEFAULT);
INSERT INTO cfg VALUES ('b', 1, DEFAULT), ('c', DEFAULT, 'manual'), ('d', DEFAULT, DEFAULT);
INSERT INTO cfg (note, k) VALUES (DEFAULT, 'e');
-- DEFAULT for a column without a default gives NULL
CREATE TABLE nodef (id integer PRIMARY KEY, v text);
INSERT INTO nodef VALUES (1, DEFAULT);
SELECT * FROM cfg ORDER BY k;
SELECT * FROM nodef;
-- DEFAULT cannot be used in an expression
INSERT INTO cfg VALUES ('f', DEFAULT + 1, 'x');
SELECT count(*) FROM cfg;
