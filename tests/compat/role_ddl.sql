-- CREATE / ALTER / DROP ROLE and USER: attributes, passwords, reserved names, errors.
-- Roles are cluster-wide: every name here is unique to this file and dropped at the end.
CREATE ROLE compat_role_a;
CREATE ROLE compat_role_a;
CREATE USER compat_role_u WITH PASSWORD 'pw1' CREATEDB CONNECTION LIMIT 5;
CREATE ROLE compat_role_s SUPERUSER NOLOGIN;
CREATE ROLE compat_role_v VALID UNTIL '2030-01-01 00:00:00+00' PASSWORD NULL;
CREATE ROLE compat_role_e PASSWORD '';
CREATE ROLE pg_compat_bad;
CREATE ROLE compat_role_c LOGIN LOGIN;
CREATE ROLE compat_role_c LOGIN NOLOGIN;
CREATE ROLE compat_role_l CONNECTION LIMIT -2;
ALTER ROLE compat_role_a WITH LOGIN CREATEROLE;
ALTER ROLE compat_role_a PASSWORD 'md5c8e3b9c2b6e2a5a4f0f2b3c4d5e6f7a8';
ALTER ROLE compat_role_nobody LOGIN;
ALTER USER compat_role_u NOCREATEDB;
DROP ROLE compat_role_nobody;
DROP ROLE IF EXISTS compat_role_nobody, compat_role_e;
BEGIN;
CREATE ROLE compat_role_t;
ROLLBACK;
DROP ROLE compat_role_t;
DROP ROLE compat_role_a, compat_role_u, compat_role_s, compat_role_v;
DROP ROLE compat_role_a;
