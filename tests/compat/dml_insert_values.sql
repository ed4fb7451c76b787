-- INSERT ... VALUES: single and multi-row, command tags with row counts, values from expressions.
CREATE TABLE items (id integer PRIMARY KEY, name text, qty integer, price numeric);
INSERT INTO items VALUES (1, 'apple', 10, 0.5);
INSERT INTO items VALUES (2, 'pear', 5, 0.75), (3, 'plum', 0, 1.25), (4, 'fig', 100, 2);
INSERT INTO items VALUES (5, 'kiwi', 2 * 3, 1.0 / 4), (6, 'lime' || 's', -(1 + 1), NULL);
SELECT * FROM items ORDER BY id;
-- implicit casts from literals to the column types
INSERT INTO items VALUES ('7', 'quoted numbers', '8', '9.99');
INSERT INTO items VALUES (8.0, 'numeric to int', 2.6, 3);
SELECT * FROM items WHERE id >= 7 ORDER BY id;
-- wrong number of values
INSERT INTO items VALUES (9, 'too many', 1, 2, 3);
INSERT INTO items VALUES (10);
SELECT count(*) FROM items;
-- multi-row rows must all have the same length
INSERT INTO items VALUES (11, 'a'), (12);
