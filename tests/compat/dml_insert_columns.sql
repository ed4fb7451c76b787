-- INSERT with column lists: any order, subsets, errors for unknown or repeated columns.
CREATE TABLE people (id integer PRIMARY KEY, first text, last text, age smallint);
INSERT INTO people (id, first, last, age) VALUES (1, 'Ada', 'Lovelace', 36);
INSERT INTO people (last, id, age, first) VALUES ('Turing', 2, 41, 'Alan');
INSERT INTO people (id, last) VALUES (3, 'Hopper'), (4, 'Knuth');
INSERT INTO people (age, id) VALUES (NULL, 5);
SELECT * FROM people ORDER BY id;
INSERT INTO people (id, nickname) VALUES (6, 'x');
INSERT INTO people (id, id) VALUES (7, 7);
INSERT INTO people (id, first) VALUES (8);
INSERT INTO people (id) VALUES (9, 'extra');
SELECT count(*) FROM people;
