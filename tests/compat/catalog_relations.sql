-- pg_catalog relations generated from Basalt's catalog: pg_class, pg_namespace,
-- pg_attribute, pg_type, pg_index, pg_constraint, pg_attrdef, pg_am, and the
-- views pg_tables / pg_indexes, for user objects (whose rows legitimately match
-- PostgreSQL's). OIDs differ between servers, so queries join on them instead
-- of printing them.
CREATE TABLE cat_a (
    id integer PRIMARY KEY,
    name text NOT NULL,
    price numeric(10,2) DEFAULT 0,
    note varchar(20) DEFAULT 'x',
    flag boolean DEFAULT true,
    created timestamptz DEFAULT now(),
    n int DEFAULT -1
);
CREATE TABLE cat_b (k bigint, v text, w char(3));
CREATE TABLE cat_c (a int, b text, PRIMARY KEY (b, a));

-- pg_class rows of the public schema
SELECT c.relname, c.relkind, c.relnatts, c.relhasindex, c.relpersistence, c.relchecks, c.relispartition,
       c.relhasrules, c.relhastriggers, c.relrowsecurity, c.reltuples
FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public'
ORDER BY c.relname;

-- unqualified names find pg_catalog first
SELECT count(*) FROM pg_class c WHERE c.relname = 'cat_a';
SELECT relname FROM pg_class WHERE relname IN ('pg_class', 'pg_attribute', 'pg_type') ORDER BY 1;
SELECT c.relname, n.nspname FROM pg_class c, pg_namespace n
WHERE n.oid = c.relnamespace AND c.relname IN ('pg_class', 'pg_namespace', 'tables', 'columns') ORDER BY 1, 2;

-- pg_attribute of a user table
SELECT a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef,
       a.attlen, a.attbyval, a.attalign, a.attstorage, a.attisdropped, a.attidentity, a.attgenerated,
       a.atttypmod, a.attndims, a.attislocal
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = (SELECT oid FROM pg_catalog.pg_class WHERE relname = 'cat_a') AND a.attnum > 0
ORDER BY a.attnum;

-- attributes join their types
SELECT a.attname, t.typname, t.typlen, t.typcategory
FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relname = 'cat_b' AND a.attnum > 0
ORDER BY a.attnum;

-- built-in types
SELECT oid, typname, typlen, typbyval, typtype, typcategory, typispreferred, typdelim, typelem, typarray,
       typinput::oid, typoutput::oid, typalign, typstorage, typcollation, typbasetype, typtypmod, typndims
FROM pg_catalog.pg_type
WHERE typname IN ('bool', 'int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'text', 'varchar', 'bpchar',
                  'name', 'oid', 'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'bytea',
                  'uuid', 'json', 'jsonb', 'char', '_int4', '_text', 'int2vector', 'oidvector')
ORDER BY oid;

-- a table's row type
SELECT t.typname, t.typtype, t.typcategory, c.relname
FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid
WHERE c.relname = 'cat_a';
SELECT count(*) FROM pg_type WHERE typname = '_cat_a';

-- indexes
SELECT ic.relname AS index, tc.relname AS tab, i.indnatts, i.indnkeyatts, i.indisunique, i.indisprimary,
       i.indisclustered, i.indisvalid, i.indisready, i.indislive, i.indisreplident, i.indkey, i.indoption,
       i.indpred IS NULL AS no_pred, i.indexprs IS NULL AS no_exprs
FROM pg_catalog.pg_index i
     JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
WHERE tc.relname LIKE 'cat\_%'
ORDER BY 1;
SELECT c.relname, pg_catalog.pg_get_indexdef(i.indexrelid), pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
       pg_catalog.pg_get_indexdef(i.indexrelid, 1, true)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE c.relname LIKE 'cat\_%'
ORDER BY 1;

-- constraints
SELECT con.conname, con.contype, con.condeferrable, con.condeferred, con.convalidated, con.conkey,
       con.confkey, con.conislocal, con.connoinherit, pg_catalog.pg_get_constraintdef(con.oid, true),
       ic.relname AS index
FROM pg_catalog.pg_constraint con
     JOIN pg_catalog.pg_class tc ON tc.oid = con.conrelid
     LEFT JOIN pg_catalog.pg_class ic ON ic.oid = con.conindid
WHERE tc.relname LIKE 'cat\_%'
ORDER BY 1;

-- column defaults as pg_get_expr prints them
SELECT d.adnum, pg_catalog.pg_get_expr(d.adbin, d.adrelid, true), pg_catalog.pg_get_expr(d.adbin, d.adrelid)
FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_class c ON c.oid = d.adrelid
WHERE c.relname = 'cat_a'
ORDER BY d.adnum;

-- access methods, namespaces, collations, tablespaces, languages
SELECT oid, amname, amtype FROM pg_catalog.pg_am WHERE amname IN ('heap', 'btree', 'hash') ORDER BY 1;
SELECT c.relname, am.amname FROM pg_class c LEFT JOIN pg_am am ON am.oid = c.relam
WHERE c.relname LIKE 'cat\_%' ORDER BY 1;
SELECT oid, nspname FROM pg_catalog.pg_namespace
WHERE nspname IN ('pg_catalog', 'public', 'information_schema', 'pg_toast') ORDER BY 1;
SELECT pg_catalog.pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public';
SELECT oid, collname, collprovider, collencoding FROM pg_catalog.pg_collation
WHERE collname IN ('default', 'C', 'POSIX') ORDER BY 1;
SELECT oid, spcname FROM pg_catalog.pg_tablespace ORDER BY 1;
SELECT lanname, lanispl, lanpltrusted FROM pg_catalog.pg_language ORDER BY 1;

-- empty catalogs
SELECT count(*) FROM pg_catalog.pg_inherits;
SELECT count(*) FROM pg_catalog.pg_partitioned_table;
SELECT count(*) FROM pg_catalog.pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname LIKE 'cat\_%';
SELECT count(*) FROM pg_catalog.pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE c.relname LIKE 'cat\_%';
SELECT count(*) FROM pg_catalog.pg_policy;
SELECT count(*) FROM pg_catalog.pg_enum;
SELECT count(*) FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql';
SELECT count(*) FROM pg_catalog.pg_description d JOIN pg_class c ON c.oid = d.objoid WHERE c.relname LIKE 'cat\_%';

-- convenience views
SELECT schemaname, tablename, hasindexes, hasrules, hastriggers, rowsecurity
FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename;
SELECT schemaname, tablename, indexname, indexdef FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' ORDER BY indexname;

-- DDL is seen by the same transaction, and rolled back with it
BEGIN;
CREATE TABLE cat_tx (x int);
SELECT relname FROM pg_class WHERE relname = 'cat_tx';
ROLLBACK;
SELECT relname FROM pg_class WHERE relname = 'cat_tx';

-- errors
SELECT * FROM pg_catalog.pg_nope;
SELECT nope FROM pg_catalog.pg_class;
SELECT * FROM information_schema.pg_class;
