-- The psql session shown in README.md: it must print exactly what PostgreSQL 15 prints.
CREATE TABLE fruit (id integer PRIMARY KEY, name text NOT NULL, price numeric(6,2));
INSERT INTO fruit VALUES (1, 'apple', 0.50), (2, 'pear', 0.75), (3, 'fig', NULL), (4, 'kiwi', 1.20);
SELECT id, name, price FROM fruit WHERE price > 0.6 ORDER BY price DESC LIMIT 2;
UPDATE fruit SET price = price * 2 WHERE name = 'apple';
DELETE FROM fruit WHERE price IS NULL;
BEGIN;
DELETE FROM fruit;
ROLLBACK;
SELECT * FROM fruit ORDER BY id;
SELECT count(*), sum(price), avg(price) FROM fruit;
INSERT INTO fruit VALUES (1, 'plum', 1);
