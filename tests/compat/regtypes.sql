-- Object identifier types (regtype, regproc, regprocedure, regoper,
-- regoperator, regnamespace, regrole) and aclitem.
-- regtype: type names as the SQL grammar reads them; output is format_type.
SELECT 'integer'::regtype, 'int4'::regtype, 'int'::regtype, 'character varying'::regtype;
SELECT 'varchar(10)'::regtype, 'int4[]'::regtype, '"char"'::regtype, 'char'::regtype;
SELECT 'pg_catalog.int4'::regtype, 'timestamp with time zone'::regtype, 'timestamp'::regtype;
SELECT 'double precision'::regtype, 'bpchar'::regtype, 'numeric(10,2)'::regtype, '_int4'::regtype;
SELECT 'text[]'::regtype, 'interval'::regtype, 'time with time zone'::regtype, 'bool'::regtype;
SELECT 'point'::regtype, 'regclass'::regtype, 'aclitem[]'::regtype, 'varbit'::regtype;
SELECT 'INT8'::regtype, ' int8 '::regtype, 'jsonb'::regtype, 'uuid'::regtype;
SELECT 'int4'::regtype::oid, 'text'::regtype::oid, 'int4[]'::regtype::oid, 'bpchar'::regtype::oid;
SELECT 23::regtype, 1043::regtype, 1042::regtype, 1015::regtype, 0::regtype, '-'::regtype, 999999::regtype;
SELECT '25'::regtype, 25::oid::regtype, 1184::int8::regtype, 'int4'::regtype::int4;
SELECT 'int4'::regtype = 'integer'::regtype, 'int4'::regtype = 23;
SELECT 'int4'::regtype::text, ('int4'::regtype)::varchar;
SELECT format_type('int4'::regtype, NULL);
SELECT 'int4'::regtype AS t, 'now'::regproc AS p, 'now()'::regprocedure AS pr, 'public'::regnamespace AS n \gdesc
SELECT 'basalt'::regrole AS r, 551::regoper AS o, 551::regoperator AS op, 'pg_class'::regclass AS c \gdesc
SELECT typname FROM pg_type WHERE oid = 'character varying'::regtype;
SELECT t.typname, t.oid::regtype FROM pg_type t WHERE t.typname IN ('int4', '_int4', 'bpchar', 'name') ORDER BY 1;
CREATE TYPE mood AS ENUM ('happy', 'sad');
SELECT 'mood'::regtype, 'mood[]'::regtype, 'public.mood'::regtype;
SELECT typname FROM pg_type WHERE oid = 'mood'::regtype;
SELECT 'mood'::regtype::oid = (SELECT oid FROM pg_type WHERE typname = 'mood');
CREATE TABLE rt_tab (a int);
SELECT 'rt_tab'::regtype;
-- regtype errors
SELECT 'nosuch'::regtype;
SELECT 'nosuch[]'::regtype;
SELECT 'public.nosuch'::regtype;
SELECT 'nosch.nosuch'::regtype;
SELECT ''::regtype;
SELECT '  '::regtype;
SELECT 'setof int'::regtype;
SELECT 'varchar(0)'::regtype;
SELECT 'int4(3)'::regtype;
SELECT '4294967296'::regtype;
-- regproc / regprocedure
SELECT 'now'::regproc, 'now'::regproc::oid, 'pg_catalog.now'::regproc;
SELECT 'now()'::regprocedure, 'now()'::regprocedure::oid;
SELECT 'length(text)'::regprocedure::oid, 'length(text)'::regprocedure;
SELECT 'date_part(text, timestamp with time zone)'::regprocedure;
SELECT 'array_in'::regproc::oid, 'int4in'::regproc::oid, 'pg_catalog.array_in'::regproc;
SELECT 'int4in'::regproc, 42::regproc, 750::regprocedure, 0::regproc, '-'::regproc;
SELECT 1299::regproc, 1299::regprocedure, 'now'::regproc::regprocedure;
SELECT typinput, typoutput, typreceive, typsend FROM pg_type WHERE typname IN ('int4', '_text', 'varchar') ORDER BY typname;
SELECT typname, typinput = 'pg_catalog.array_in'::regproc AS is_array FROM pg_type
 WHERE typname IN ('int4', '_int4', 'text', '_text') ORDER BY typname;
SELECT 'nosuch'::regproc;
SELECT 'length'::regproc;
SELECT 'nosuch(int)'::regprocedure;
SELECT 'length'::regprocedure;
SELECT 'length(text'::regprocedure;
SELECT 'length(nosuchtype)'::regprocedure;
SELECT 'length(text,)'::regprocedure;
-- regoper / regoperator
SELECT '+(integer,integer)'::regoperator, '+(int4,int4)'::regoperator::oid;
SELECT '-(NONE,integer)'::regoperator, '||(text,text)'::regoperator;
SELECT '=(text,text)'::regoperator::regoper, '=(text,text)'::regoperator::oid;
SELECT 551::regoperator, 551::regoper, 0::regoper, '0'::regoperator, '-'::regtype;
SELECT '-'::regoperator;
SELECT '+'::regoper;
SELECT 'nosuch'::regoper;
SELECT '+(int)'::regoperator;
SELECT '+(int,int,int)'::regoperator;
SELECT '+(text,point)'::regoperator;
-- regnamespace / regrole
SELECT 'pg_catalog'::regnamespace, 'public'::regnamespace, 'information_schema'::regnamespace::text;
SELECT 'pg_catalog'::regnamespace::oid, 'public'::regnamespace::oid, 'pg_toast'::regnamespace::oid;
SELECT 11::regnamespace, 2200::regnamespace, 0::regnamespace, '"public"'::regnamespace;
SELECT nspname FROM pg_namespace WHERE oid = 'public'::regnamespace;
SELECT 'nosuch'::regnamespace;
SELECT 'a.b'::regnamespace;
SELECT '"PUBLIC"'::regnamespace;
SELECT 'basalt'::regrole, 'pg_monitor'::regrole, 'pg_database_owner'::regrole::oid, 10::regrole;
SELECT rolname FROM pg_authid WHERE oid = 'basalt'::regrole;
SELECT 'nosuch'::regrole;
SELECT 'a.b'::regrole;
-- casts
SELECT 'int4'::regtype::regclass;
SELECT 'now'::regproc::int8, 'now'::regproc::int4, (-1)::regtype::oid;
SELECT 5000000000::int8::regtype;
SELECT (-1)::int8::regrole;
-- arrays of reg types
SELECT '{int4,text,"character varying"}'::regtype[];
SELECT ARRAY['int4'::regtype, 'text'::regtype], '{pg_class}'::regclass[];
SELECT '{int4}'::regtype[] AS a, '{pg_class}'::regclass[] AS b \gdesc
-- aclitem
SELECT 'basalt=arwdDxt/basalt'::aclitem, '=r/basalt'::aclitem, 'basalt=Aa*r/basalt'::aclitem;
SELECT '"basalt"=r*w/basalt'::aclitem, ' group basalt=r/basalt'::aclitem, 'user basalt=U/basalt'::aclitem;
SELECT '{=r/basalt,basalt=arwdDxt/basalt}'::aclitem[];
SELECT array_to_string('{=r/basalt,basalt=arwdDxt/basalt}'::aclitem[], E'\n');
SELECT '=r/basalt'::aclitem AS a, '{=r/basalt}'::aclitem[] AS b \gdesc
SELECT 'basalt=q/basalt'::aclitem;
SELECT 'nosuch=r/basalt'::aclitem;
SELECT 'basalt=r/nosuch'::aclitem;
SELECT 'basalt=r/'::aclitem;
SELECT 'basalt r'::aclitem;
SELECT 'foo basalt=r/basalt'::aclitem;
SELECT 'basalt=r/basalt x'::aclitem;
SELECT 'group'::aclitem;
-- catalog columns typed aclitem[] / reg*
SELECT nspname, nspacl FROM pg_namespace WHERE nspname IN ('pg_catalog', 'public', 'information_schema') ORDER BY 1;
SELECT relname, relacl FROM pg_class WHERE relname = 'rt_tab';
SELECT datname, datacl FROM pg_database WHERE datname = current_database();
SELECT relacl, nspacl, typinput, prorettype, datacl, proacl, typacl, attacl
  FROM pg_class, pg_namespace, pg_type, pg_proc, pg_database, pg_attribute
 WHERE relname = 'pg_class' AND nspname = 'public' AND typname = 'int4' AND proname = 'now'
   AND datname = current_database() AND attrelid = 'pg_class'::regclass AND attname = 'relname' \gdesc
SELECT proname, prorettype, prorettype::regtype FROM pg_proc WHERE oid = 'now'::regproc;
-- objects created earlier in the same transaction
BEGIN;
CREATE FUNCTION rt_f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
SELECT 'rt_f'::regproc, 'rt_f(int)'::regprocedure, 'rt_f(integer)'::regprocedure::regproc;
CREATE TYPE rt_color AS ENUM ('red');
SELECT 'rt_color'::regtype, 'rt_color[]'::regtype;
CREATE SCHEMA rt_s;
SELECT 'rt_s'::regnamespace, nspname FROM pg_namespace WHERE oid = 'rt_s'::regnamespace;
COMMIT;
SELECT 'rt_f(int4)'::regprocedure, 'rt_color'::regtype::oid = 'rt_color'::regtype;
-- acldefault: the ACL a NULL acl column stands for
SELECT acldefault('n', 'basalt'::regrole), acldefault('d', 'basalt'::regrole), acldefault('r', 'basalt'::regrole);
SELECT acldefault('c', 'basalt'::regrole), acldefault('f', 'basalt'::regrole), acldefault('T', 'basalt'::regrole);
SELECT acldefault('s', 'basalt'::regrole), acldefault('l', 'basalt'::regrole), acldefault('t', 'basalt'::regrole);
SELECT n.nspname, coalesce(n.nspacl, acldefault('n', n.nspowner)) FROM pg_namespace n WHERE n.nspname = 'rt_s';
