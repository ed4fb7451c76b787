-- Catalog introspection functions: format_type, pg_get_userbyid,
-- pg_encoding_to_char, visibility and privilege checks, descriptions,
-- current_schemas, pg_size_pretty, server-state functions.
CREATE TABLE cf_t (id integer PRIMARY KEY, v varchar(10), n numeric(8,3), ts timestamp(3));

SELECT pg_catalog.format_type(23, -1), format_type(23, NULL), format_type(1043, 14), format_type(1043, -1),
       format_type(1700, 524295), format_type(1700, -1), format_type(1042, 8), format_type(1042, -1),
       format_type(1114, 3), format_type(1184, -1), format_type(16, -1), format_type(25, -1);
SELECT format_type(1007, -1), format_type(1009, -1), format_type(18, -1), format_type(19, -1),
       format_type(26, -1), format_type(2205, -1), format_type(24, -1), format_type(1034, -1);
SELECT format_type(NULL, -1) IS NULL AS null_type;
SELECT format_type(999999, -1);

-- format_type over a user table's columns
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
WHERE attrelid = (SELECT oid FROM pg_class WHERE relname = 'cf_t') AND attnum > 0 ORDER BY attnum;

SELECT pg_catalog.pg_get_userbyid(10);
SELECT pg_get_userbyid(6171);
SELECT pg_get_userbyid(1234567);
SELECT pg_catalog.pg_encoding_to_char(6), pg_encoding_to_char(0);

SELECT pg_catalog.pg_table_is_visible(c.oid) FROM pg_class c WHERE relname IN ('cf_t', 'cf_t_pkey', 'pg_class')
ORDER BY relname;
SELECT obj_description(c.oid, 'pg_class') IS NULL, col_description(c.oid, 1) IS NULL
FROM pg_class c WHERE relname = 'cf_t';
SELECT has_table_privilege('cf_t', 'SELECT'), has_schema_privilege('public', 'USAGE'),
       has_database_privilege(current_database(), 'CONNECT');

SELECT current_schemas(true), current_schemas(false);
SELECT current_schema(), current_schema;

SELECT pg_size_pretty(0::bigint), pg_size_pretty(1023::bigint), pg_size_pretty(10239::bigint),
       pg_size_pretty(10240::bigint), pg_size_pretty(1048576::bigint), pg_size_pretty(123456789::bigint),
       pg_size_pretty(9999999999::bigint), pg_size_pretty(-20480::bigint), pg_size_pretty(1125899906842624::bigint);

SELECT pg_is_in_recovery();
SELECT pg_relation_is_publishable(c.oid) FROM pg_class c WHERE relname = 'cf_t';
SELECT pg_table_size(c.oid) >= 0, pg_total_relation_size(c.oid) >= pg_table_size(c.oid),
       pg_indexes_size(c.oid) >= 0, pg_relation_size(c.oid) >= 0
FROM pg_class c WHERE relname = 'cf_t';
SELECT pg_database_size(current_database()) >= 0;
SELECT pg_backend_pid() > 0;
SELECT txid_current() > 0;
SELECT pg_postmaster_start_time() < now();
SELECT pg_get_partkeydef(c.oid) FROM pg_class c WHERE relname = 'cf_t';

-- function signatures of built-ins
SELECT p.proname, pg_get_function_result(p.oid), pg_get_function_arguments(p.oid)
FROM pg_proc p WHERE p.proname IN ('lower', 'upper', 'now') AND pg_get_function_arguments(p.oid) IN ('text', '')
ORDER BY 1, 3;

-- unknown database
SELECT pg_database_size('no_such_db');
