-- COMMENT ON ... IS 'text' | NULL: stored, replaced, removed, and errors.
CREATE TABLE t (id int PRIMARY KEY, v text);
COMMENT ON TABLE t IS 'a table';
COMMENT ON COLUMN t.v IS 'a column';
COMMENT ON TABLE t IS 'replaced';
COMMENT ON TABLE t IS NULL;
COMMENT ON COLUMN t.v IS '';
CREATE TYPE c_mood AS ENUM ('a', 'b');
COMMENT ON TYPE c_mood IS 'a type';
CREATE FUNCTION c_f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';
COMMENT ON FUNCTION c_f(integer) IS 'a function';
COMMENT ON FUNCTION c_f IS 'a function again';
COMMENT ON SCHEMA public IS 'the public schema';
BEGIN;
COMMENT ON TABLE t IS 'in a transaction';
ROLLBACK;
-- errors
COMMENT ON TABLE nosuch IS 'x';
COMMENT ON COLUMN t.nosuch IS 'x';
COMMENT ON COLUMN nosuch.v IS 'x';
COMMENT ON TYPE nosuchtype IS 'x';
COMMENT ON FUNCTION nosuchfunc(integer) IS 'x';
COMMENT ON FUNCTION nosuchfunc IS 'x';
COMMENT ON SCHEMA nosuchschema IS 'x';
COMMENT ON DATABASE nosuchdb IS 'x';
DROP FUNCTION c_f(integer);
DROP TYPE c_mood;
DROP TABLE t;
