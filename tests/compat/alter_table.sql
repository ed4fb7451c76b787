-- ALTER TABLE: columns, defaults, NOT NULL, types, constraints, keys, renames,
-- options and owner; transactional behaviour and the catalogs that show it.
CREATE TABLE t (a int, b text);
INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, NULL);

-- ADD COLUMN
ALTER TABLE t ADD COLUMN c int;
ALTER TABLE t ADD COLUMN d int DEFAULT 7, ADD COLUMN e text NOT NULL DEFAULT 'x';
SELECT * FROM t ORDER BY a;
ALTER TABLE t ADD COLUMN c int;
ALTER TABLE t ADD COLUMN IF NOT EXISTS c int;
ALTER TABLE t ADD COLUMN f int NOT NULL;
ALTER TABLE t ADD COLUMN g nosuchtype;
ALTER TABLE t ADD COLUMN s serial;
SELECT a, s FROM t ORDER BY a;
INSERT INTO t (a, b) VALUES (4, 'four');
SELECT a, c, d, e, s FROM t ORDER BY a;

-- SET / DROP DEFAULT
ALTER TABLE t ALTER COLUMN c SET DEFAULT 42;
INSERT INTO t (a) VALUES (5);
SELECT a, c FROM t WHERE a = 5;
ALTER TABLE t ALTER COLUMN c DROP DEFAULT;
INSERT INTO t (a) VALUES (6);
SELECT a, c FROM t WHERE a = 6;
ALTER TABLE t ALTER COLUMN nope SET DEFAULT 1;
ALTER TABLE t ALTER COLUMN c SET DEFAULT 'abc';

-- SET / DROP NOT NULL
ALTER TABLE t ALTER COLUMN b SET NOT NULL;
UPDATE t SET b = 'x' WHERE b IS NULL;
ALTER TABLE t ALTER COLUMN b SET NOT NULL;
INSERT INTO t (a, b) VALUES (7, NULL);
ALTER TABLE t ALTER COLUMN b DROP NOT NULL;
INSERT INTO t (a, b) VALUES (7, NULL);

-- DROP COLUMN
ALTER TABLE t DROP COLUMN d;
ALTER TABLE t DROP COLUMN d;
ALTER TABLE t DROP COLUMN IF EXISTS d;
ALTER TABLE t DROP COLUMN e, DROP COLUMN s;
SELECT * FROM t ORDER BY a;

-- ALTER COLUMN TYPE
ALTER TABLE t ALTER COLUMN a TYPE bigint;
ALTER TABLE t ALTER COLUMN c TYPE text;
SELECT a, c FROM t ORDER BY a;
ALTER TABLE t ALTER COLUMN b TYPE int;
ALTER TABLE t ALTER COLUMN b TYPE int USING length(b);
SELECT a, b FROM t ORDER BY a;
ALTER TABLE t ALTER COLUMN c TYPE int USING c::int;
CREATE TABLE s1 (v text);
INSERT INTO s1 VALUES ('12'), ('x');
ALTER TABLE s1 ALTER COLUMN v TYPE int USING v::int;
ALTER TABLE s1 ALTER COLUMN v TYPE varchar(1);
DELETE FROM s1 WHERE v = 'x';
ALTER TABLE s1 ALTER COLUMN v TYPE numeric(5,1) USING v::numeric;
SELECT * FROM s1;

-- ADD PRIMARY KEY (rewrites the table into key order)
CREATE TABLE k (id int, v text);
INSERT INTO k VALUES (3, 'c'), (1, 'a'), (2, 'b');
ALTER TABLE k ADD PRIMARY KEY (id);
SELECT * FROM k ORDER BY id;
SELECT * FROM k WHERE id = 2;
INSERT INTO k VALUES (2, 'dup');
ALTER TABLE k ADD PRIMARY KEY (v);
UPDATE k SET v = 'bb' WHERE id = 2;
DELETE FROM k WHERE id = 1;
SELECT * FROM k ORDER BY id;
CREATE TABLE kd (id int, v text);
INSERT INTO kd VALUES (1, 'a'), (1, 'b');
ALTER TABLE kd ADD PRIMARY KEY (id);
CREATE TABLE kn (id int);
INSERT INTO kn VALUES (1), (NULL);
ALTER TABLE kn ADD PRIMARY KEY (id);
ALTER TABLE kn ADD PRIMARY KEY (nope);
CREATE TABLE k2 (a int, b int);
INSERT INTO k2 VALUES (1, 1), (1, 2);
ALTER TABLE k2 ADD CONSTRAINT k2_main PRIMARY KEY (a, b);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'k2'::regclass;
ALTER TABLE k2 DROP CONSTRAINT k2_main;
INSERT INTO k2 VALUES (1, 1);
SELECT * FROM k2 ORDER BY a, b;
ALTER TABLE k2 ALTER COLUMN a DROP NOT NULL;

-- ADD / DROP CONSTRAINT
CREATE TABLE c (a int, b int);
INSERT INTO c VALUES (1, 10), (2, 20), (2, 30);
ALTER TABLE c ADD CONSTRAINT c_a_uq UNIQUE (a);
ALTER TABLE c ADD UNIQUE (b);
ALTER TABLE c ADD CONSTRAINT pos CHECK (b > 15);
ALTER TABLE c ADD CONSTRAINT pos CHECK (b > 0);
INSERT INTO c VALUES (3, -1);
ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES k (id);
ALTER TABLE c DROP CONSTRAINT pos;
ALTER TABLE c DROP CONSTRAINT pos;
ALTER TABLE c DROP CONSTRAINT IF EXISTS pos;
INSERT INTO c VALUES (3, -1);
ALTER TABLE c DROP CONSTRAINT c_b_key;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'c'::regclass ORDER BY conname;
CREATE TABLE p (id int PRIMARY KEY);
INSERT INTO p VALUES (1), (2);
CREATE TABLE ch (pid int);
INSERT INTO ch VALUES (1), (2);
ALTER TABLE ch ADD CONSTRAINT ch_fk FOREIGN KEY (pid) REFERENCES p (id);
INSERT INTO ch VALUES (3);
ALTER TABLE p DROP CONSTRAINT p_pkey;
ALTER TABLE ch DROP CONSTRAINT ch_fk;
INSERT INTO ch VALUES (3);
ALTER TABLE p DROP CONSTRAINT p_pkey;
INSERT INTO p VALUES (1);
SELECT count(*) FROM p;

-- Renames
CREATE TABLE r (a int PRIMARY KEY, b int CHECK (b > 0));
INSERT INTO r VALUES (1, 1);
ALTER TABLE r RENAME COLUMN b TO bb;
ALTER TABLE r RENAME COLUMN nope TO x;
ALTER TABLE r RENAME COLUMN a TO bb;
INSERT INTO r VALUES (2, -1);
SELECT * FROM r;
ALTER TABLE r RENAME CONSTRAINT r_b_check TO r_positive;
ALTER TABLE r RENAME CONSTRAINT nope TO x;
ALTER TABLE r RENAME TO r2;
SELECT * FROM r;
SELECT * FROM r2;
ALTER TABLE r2 RENAME TO k;
ALTER TABLE IF EXISTS nope RENAME TO x;
ALTER TABLE nope RENAME TO x;
ALTER INDEX r_pkey RENAME TO r2_pkey;
SELECT conname FROM pg_constraint WHERE conrelid = 'r2'::regclass ORDER BY conname;
SELECT relname FROM pg_class WHERE relname LIKE 'r2%' ORDER BY relname;
ALTER TABLE r2 RENAME CONSTRAINT r2_pkey TO r2_key;
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'r2'::regclass;

-- Options, owner, statistics, storage
CREATE TABLE o (a int, b text);
ALTER TABLE o SET (fillfactor = 70);
SELECT reloptions FROM pg_class WHERE relname = 'o';
ALTER TABLE o SET (fillfactor = 5);
ALTER TABLE o SET (nosuchoption = 1);
ALTER TABLE o RESET (fillfactor);
SELECT reloptions FROM pg_class WHERE relname = 'o';
ALTER TABLE o ALTER COLUMN a SET STATISTICS 500;
ALTER TABLE o ALTER COLUMN b SET STORAGE EXTERNAL;
ALTER TABLE o OWNER TO nosuchrole;
ALTER TABLE o OWNER TO CURRENT_USER;

-- Missing tables, IF EXISTS
ALTER TABLE nope ADD COLUMN x int;
ALTER TABLE IF EXISTS nope ADD COLUMN x int;

-- Transactional: rolled back, invisible until commit
BEGIN;
ALTER TABLE o ADD COLUMN z int DEFAULT 5;
INSERT INTO o (a) VALUES (1);
SELECT * FROM o;
ROLLBACK;
SELECT * FROM o;
BEGIN;
CREATE TABLE tx (id int, v int);
INSERT INTO tx VALUES (1, 1), (2, 2);
ALTER TABLE tx ADD PRIMARY KEY (id), ADD COLUMN w int DEFAULT 0;
SELECT * FROM tx WHERE id = 2;
ROLLBACK;
SELECT * FROM tx;
BEGIN;
ALTER TABLE o DROP COLUMN b;
ALTER TABLE o ADD COLUMN b text;
ROLLBACK;
SELECT attname, attnum, attnotnull FROM pg_attribute WHERE attrelid = 'o'::regclass AND attnum > 0 ORDER BY attnum;

-- Catalogs
CREATE TABLE cat (id int, v varchar(10));
ALTER TABLE cat ADD PRIMARY KEY (id), ALTER COLUMN v SET DEFAULT 'q', ADD CONSTRAINT cat_v CHECK (v <> '');
SELECT attname, atttypid::regtype, attnotnull, atthasdef FROM pg_attribute
  WHERE attrelid = 'cat'::regclass AND attnum > 0 ORDER BY attnum;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'cat'::regclass ORDER BY conname;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cat'::regclass AND contype = 'p';
SELECT indisprimary, indisunique FROM pg_index WHERE indrelid = 'cat'::regclass;
SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
  WHERE table_name = 'cat' ORDER BY ordinal_position;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints
  WHERE table_name = 'cat' AND constraint_name NOT LIKE '%not_null' ORDER BY constraint_name;
