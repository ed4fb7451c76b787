-- CREATE TABLE with every supported column type; the empty table is queryable at once.
CREATE TABLE everything (
  c_smallint smallint,
  c_integer integer,
  c_int int,
  c_int4 int4,
  c_bigint bigint,
  c_int8 int8,
  c_int2 int2,
  c_real real,
  c_float4 float4,
  c_double double precision,
  c_float8 float8,
  c_numeric numeric,
  c_decimal decimal(12, 3),
  c_text text,
  c_varchar varchar(20),
  c_charvarying character varying(7),
  c_char char(4),
  c_character character(2),
  c_boolean boolean,
  c_bool bool
);
SELECT * FROM everything;
SELECT count(*) FROM everything;
INSERT INTO everything VALUES (1, 2, 3, 4, 5, 6, 7, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 'fourteen', 'fifteen', 'sixteen', 'sev', 'e', true, false);
SELECT * FROM everything;
-- identifiers are case-folded unless quoted
CREATE TABLE MixedCase (Id integer, "Quoted" text);
INSERT INTO mixedcase (ID, "Quoted") VALUES (1, 'one');
SELECT id, "Quoted" FROM MIXEDCASE;
