-- Schemas: CREATE/DROP/ALTER SCHEMA, schema-qualified names, search_path,
-- current_schema(s), pg_namespace, information_schema, regclass output.
CREATE SCHEMA s1;
CREATE SCHEMA s1;
CREATE SCHEMA IF NOT EXISTS s1;
CREATE SCHEMA IF NOT EXISTS public;
CREATE SCHEMA pg_mine;
CREATE SCHEMA AUTHORIZATION nosuchrole;
CREATE SCHEMA s2 AUTHORIZATION basalt;
SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname IN ('s1', 's2', 'public') ORDER BY 1;
SELECT schema_name, schema_owner FROM information_schema.schemata WHERE schema_name LIKE 's_' ORDER BY 1;

-- qualified names
CREATE TABLE s1.t (id serial PRIMARY KEY, v text);
CREATE TABLE s2.t (id int PRIMARY KEY, w int);
CREATE TABLE t (x int);
INSERT INTO s1.t (v) VALUES ('a'), ('b');
INSERT INTO s2.t VALUES (1, 10), (2, 20);
INSERT INTO t VALUES (100);
SELECT * FROM s1.t ORDER BY id;
SELECT a.v, b.w FROM s1.t a JOIN s2.t b ON a.id = b.id ORDER BY 1;
SELECT t.v FROM s1.t ORDER BY 1;
UPDATE s2.t SET w = w + 1 WHERE id = 1;
DELETE FROM s2.t WHERE id = 2;
SELECT * FROM s2.t;
SELECT * FROM nosuch.t;
CREATE TABLE nosuch.t (a int);
INSERT INTO nosuch.t VALUES (1);
SELECT 's1.t'::regclass, 's2.t'::regclass, 't'::regclass;
SELECT 'nosuch.t'::regclass;
CREATE SEQUENCE s1.seq START 5;
SELECT nextval('s1.seq'), nextval('s1.seq');
CREATE VIEW s2.v AS SELECT id, w FROM s2.t;
SELECT * FROM s2.v;
CREATE INDEX t_v_idx ON s1.t (v);
SELECT schemaname, tablename, indexname FROM pg_indexes WHERE schemaname LIKE 's_' ORDER BY 1, 3;
CREATE TYPE s1.mood AS ENUM ('sad', 'happy');
SELECT 'happy'::s1.mood;
CREATE FUNCTION s1.twice(int) RETURNS int LANGUAGE sql AS 'SELECT $1 * 2';
SELECT s1.twice(21);
SELECT twice(1);
SELECT table_schema, table_name, table_type FROM information_schema.tables
  WHERE table_schema IN ('public', 's1', 's2') ORDER BY 1, 2;
SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname IN ('s1', 's2') ORDER BY 2, 1;

\dn
\dt s1.*
\d s2.t
\dv s2.*

-- search_path
SHOW search_path;
SELECT current_schema(), current_schemas(false), current_schemas(true);
SET search_path = s1, public;
SHOW search_path;
SELECT current_schema(), current_schemas(true);
SELECT * FROM t ORDER BY id;
SELECT twice(5);
SELECT 'happy'::mood;
SELECT 's1.t'::regclass, 's2.t'::regclass, 'public.t'::regclass;
CREATE TABLE created_here (a int);
SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'created_here';
SET search_path = "S 3", s2;
SHOW search_path;
SELECT current_schema(), current_schemas(false);
SELECT * FROM t;
SET search_path = '';
SHOW search_path;
SELECT current_schema(), current_schemas(true);
CREATE TABLE nowhere (a int);
SELECT * FROM t;
SELECT count(*) FROM pg_class WHERE relname = 'pg_class';
SELECT pg_catalog.set_config('search_path', 's2, pg_catalog, s1', false);
SELECT current_schemas(true);
SELECT * FROM v;
RESET search_path;
SHOW search_path;
BEGIN;
SET LOCAL search_path = s2;
SELECT * FROM t;
COMMIT;
SELECT * FROM t;

-- transactional DDL
BEGIN;
CREATE SCHEMA s_tx;
CREATE TABLE s_tx.a (i int);
ROLLBACK;
SELECT count(*) FROM pg_namespace WHERE nspname = 's_tx';
SELECT * FROM s_tx.a;

-- ALTER SCHEMA
ALTER SCHEMA s2 RENAME TO s2_renamed;
SELECT * FROM s2_renamed.t;
SELECT * FROM s2.t;
ALTER SCHEMA nosuch RENAME TO other;
ALTER SCHEMA s1 RENAME TO s2_renamed;
ALTER SCHEMA s2_renamed RENAME TO s2;

-- DROP SCHEMA
DROP SCHEMA nosuch;
DROP SCHEMA IF EXISTS nosuch;
CREATE SCHEMA empty_one;
DROP SCHEMA empty_one;
DROP SCHEMA s1;
DROP SCHEMA s2;
DROP SCHEMA s2, s1;
DROP SCHEMA s1, s2 CASCADE;
SELECT nspname FROM pg_namespace WHERE nspname LIKE 's_' ORDER BY 1;
SELECT * FROM s1.t;
CREATE SCHEMA s4;
CREATE TABLE s4.only_one (a int);
DROP SCHEMA s4 CASCADE;
SELECT * FROM t;

-- visibility follows the search_path: pg_table_is_visible, regclass, DROP notices
CREATE SCHEMA s5;
CREATE TABLE s5.t (a int);
CREATE TABLE s5.only5 (a int);
CREATE FUNCTION s5.f() RETURNS int LANGUAGE sql AS 'SELECT 5';
SELECT c.relname, pg_table_is_visible(c.oid) FROM pg_class c WHERE c.relname IN ('t', 'only5') ORDER BY 1, 2;
SET search_path = s5, public;
SELECT c.relname, pg_table_is_visible(c.oid) FROM pg_class c WHERE c.relname IN ('t', 'only5') ORDER BY 1, 2;
SELECT 's5.t'::regclass, 'public.t'::regclass, 'only5'::regclass;
SELECT f();
DROP SCHEMA s5 CASCADE;
RESET search_path;

-- objects inside a schema: comments, sequences, serial columns, TRUNCATE, DROP of qualified names
CREATE SCHEMA cm;
COMMENT ON SCHEMA cm IS 'my schema';
SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'cm';
CREATE TABLE cm.t (a int);
COMMENT ON TABLE cm.t IS 'tab';
SELECT obj_description('cm.t'::regclass, 'pg_class');
CREATE SEQUENCE cm.sq;
ALTER SEQUENCE cm.sq RESTART WITH 10;
SELECT nextval('cm.sq');
CREATE TABLE cm.s (id serial, b int);
INSERT INTO cm.s (b) VALUES (1);
SELECT * FROM cm.s;
SELECT pg_get_serial_sequence('cm.s', 'id');
TRUNCATE cm.t;
DROP TABLE cm.t;
DROP SEQUENCE cm.sq;
CREATE INDEX si ON cm.s (b);
DROP INDEX cm.si;
CREATE TYPE cm.e AS ENUM ('x');
DROP TYPE cm.e;
SET search_path = cm;
SELECT * FROM s;
INSERT INTO s (b) VALUES (2);
SELECT * FROM s ORDER BY 1;
RESET search_path;
DROP SCHEMA cm CASCADE;

-- constraints, COPY and ALTER TABLE on tables in a schema (error fields name the schema)
CREATE SCHEMA m2;
CREATE TABLE m2.p (id int PRIMARY KEY);
CREATE TABLE m2.c (id int PRIMARY KEY, pid int REFERENCES m2.p(id));
CREATE TABLE m2.selfref (id int PRIMARY KEY, parent int REFERENCES m2.selfref(id));
INSERT INTO m2.p VALUES (1);
INSERT INTO m2.c VALUES (1, 1);
INSERT INTO m2.c VALUES (2, 2);
COPY m2.p FROM STDIN;
5
6
\.
COPY m2.p TO STDOUT;
ALTER TABLE m2.c ADD COLUMN note text;
ALTER TABLE m2.c RENAME TO c2;
SELECT * FROM m2.c2;
SET search_path = m2;
CREATE INDEX c2_note ON c2 (note);
SELECT indexname FROM pg_indexes WHERE schemaname = 'm2' ORDER BY 1;
CREATE TABLE ref_public (id int REFERENCES public.nosuch(id));
RESET search_path;
DROP SCHEMA m2 CASCADE;
