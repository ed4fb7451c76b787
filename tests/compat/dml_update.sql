-- UPDATE: WHERE, row counts in the command tag, expressions over the old row, several columns.
CREATE TABLE acct (id integer PRIMARY KEY, owner text, balance integer, active boolean);
INSERT INTO acct VALUES (1, 'ann', 100, true), (2, 'bob', 50, true), (3, 'cy', 0, false), (4, 'di', 75, true);
UPDATE acct SET balance = balance + 10 WHERE id = 1;
UPDATE acct SET balance = balance - 5 WHERE active;
UPDATE acct SET owner = upper(owner), active = NOT active WHERE balance < 60;
UPDATE acct SET balance = 0 WHERE id = 99;
SELECT * FROM acct ORDER BY id;
-- every row; SET uses the old values on the right-hand side
UPDATE acct SET balance = id, id = id + 10;
SELECT * FROM acct ORDER BY id;
-- setting NULL and updating with a condition on NULL
UPDATE acct SET owner = NULL WHERE id = 12;
UPDATE acct SET balance = -1 WHERE owner IS NULL;
SELECT * FROM acct ORDER BY id;
-- errors: unknown column, type mismatch, division by zero part-way (no row changes)
UPDATE acct SET nosuch = 1;
UPDATE acct SET balance = 'lots';
UPDATE acct SET balance = 10 / (balance - 3);
SELECT * FROM acct ORDER BY id;
