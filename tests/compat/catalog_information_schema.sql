-- information_schema views generated from Basalt's catalog: schemata, tables,
-- columns, table_constraints, key_column_usage, constraint_column_usage,
-- sequences, for the objects this file creates.
CREATE TABLE is_a (
    id integer PRIMARY KEY,
    name text NOT NULL,
    price numeric(10,2) DEFAULT 0,
    code varchar(20),
    fixed char(4),
    small smallint,
    big bigint,
    r real,
    d double precision,
    n numeric,
    flag boolean,
    day date,
    ts timestamp,
    tstz timestamptz,
    t time,
    iv interval
);
CREATE TABLE is_b (a int, b text, PRIMARY KEY (a, b));

SELECT schema_name FROM information_schema.schemata
WHERE schema_name IN ('public', 'pg_catalog', 'information_schema') ORDER BY 1;

SELECT table_schema, table_name, table_type, is_insertable_into, is_typed
FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;

SELECT table_name, column_name, ordinal_position, column_default, is_nullable, data_type,
       character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix,
       numeric_scale, datetime_precision, udt_schema, udt_name, is_identity, is_generated, is_updatable
FROM information_schema.columns WHERE table_schema = 'public'
ORDER BY table_name, ordinal_position;

SELECT constraint_name, table_name, constraint_type, is_deferrable, initially_deferred, enforced
FROM information_schema.table_constraints
WHERE table_schema = 'public' AND constraint_type <> 'CHECK'
ORDER BY constraint_name;

SELECT count(*) FROM information_schema.table_constraints
WHERE table_schema = 'public' AND constraint_type = 'CHECK';

SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint
FROM information_schema.key_column_usage WHERE table_schema = 'public'
ORDER BY constraint_name, ordinal_position;

SELECT table_name, column_name, constraint_name
FROM information_schema.constraint_column_usage WHERE table_schema = 'public'
ORDER BY constraint_name, column_name;

-- joins between information_schema views
SELECT k.table_name, k.column_name, c.data_type
FROM information_schema.key_column_usage k
     JOIN information_schema.columns c
       ON c.table_name = k.table_name AND c.column_name = k.column_name AND c.table_schema = k.table_schema
WHERE k.table_schema = 'public'
ORDER BY 1, 2;

-- information_schema is not on the search path
SELECT count(*) FROM tables;
