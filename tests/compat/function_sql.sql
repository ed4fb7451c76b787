-- LANGUAGE sql functions: CREATE [OR REPLACE] FUNCTION, calls, DROP FUNCTION.
CREATE TABLE orders (id int PRIMARY KEY, customer int, amount numeric(10,2));
INSERT INTO orders VALUES (1, 1, 10.50), (2, 1, 4.50), (3, 2, 7.00);
CREATE FUNCTION total(cust integer) RETURNS numeric LANGUAGE sql STABLE
  AS $$ SELECT sum(amount) FROM orders WHERE customer = cust $$;
SELECT total(1), total(2), total(3);
SELECT id, total(customer) FROM orders ORDER BY id;
CREATE FUNCTION add(integer, integer) RETURNS integer AS 'SELECT $1 + $2' LANGUAGE sql IMMUTABLE;
SELECT add(1, 2), add(40, 2) AS answer;
SELECT add(1, NULL);
CREATE FUNCTION add_strict(a integer, b integer) RETURNS integer LANGUAGE sql STRICT AS 'SELECT a + b';
SELECT add_strict(1, NULL) IS NULL AS is_null;
-- overloading
CREATE FUNCTION add(text, text) RETURNS text AS $$ SELECT $1 || $2 $$ LANGUAGE sql;
SELECT add('a'::text, 'b'::text), add(2, 3);
-- defaults
CREATE FUNCTION greet(name text, greeting text DEFAULT 'hello') RETURNS text
  LANGUAGE sql AS $$ SELECT greeting || ', ' || name $$;
SELECT greet('bob'), greet('bob', 'hi');
-- first row only, NULL when there is none
CREATE FUNCTION first_id() RETURNS integer LANGUAGE sql AS 'SELECT id FROM orders ORDER BY id DESC';
SELECT first_id();
CREATE FUNCTION none_id() RETURNS integer LANGUAGE sql AS 'SELECT id FROM orders WHERE id < 0';
SELECT none_id() IS NULL AS empty;
-- qualified parameter names and the SQL-standard body
CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql RETURN x * 2;
SELECT twice(21);
CREATE FUNCTION dbl(n integer) RETURNS integer LANGUAGE sql AS 'SELECT dbl.n * 2';
SELECT dbl(5);
-- OR REPLACE
CREATE OR REPLACE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x + x + 1';
SELECT twice(1);
-- errors
CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';
CREATE OR REPLACE FUNCTION twice(x integer) RETURNS text LANGUAGE sql AS 'SELECT x::text';
CREATE FUNCTION bad_ret(x integer) RETURNS integer LANGUAGE sql AS 'SELECT ''abc''::text';
CREATE FUNCTION bad_cols() RETURNS integer LANGUAGE sql AS 'SELECT 1, 2';
CREATE FUNCTION f_nolang() RETURNS integer AS 'SELECT 1';
CREATE FUNCTION f_c() RETURNS integer LANGUAGE nosuchlang AS 'SELECT 1';
CREATE FUNCTION f_badtype(x nosuchtype) RETURNS integer LANGUAGE sql AS 'SELECT 1';
SELECT nosuchfunc(1);
SELECT add(1, 2, 3);
-- DROP FUNCTION
DROP FUNCTION add;
DROP FUNCTION add(text, text);
SELECT add('a'::text, 'b'::text);
DROP FUNCTION add(integer, integer);
DROP FUNCTION add(integer, integer);
DROP FUNCTION IF EXISTS add(integer, integer);
DROP FUNCTION nosuch;
DROP FUNCTION total(integer), greet;
SELECT total(1);
-- transactional
BEGIN;
CREATE FUNCTION in_txn() RETURNS integer LANGUAGE sql AS 'SELECT 7';
SELECT in_txn();
ROLLBACK;
SELECT in_txn();
