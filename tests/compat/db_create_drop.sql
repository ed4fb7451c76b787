-- CREATE DATABASE / DROP DATABASE: duplicates (42P04), missing (3D000), IF EXISTS notice,
-- not inside a transaction block (25001), and a new database is empty and usable.
CREATE DATABASE compat_extra_db;
CREATE DATABASE compat_extra_db;
\c compat_extra_db
CREATE TABLE only_here (id integer PRIMARY KEY);
INSERT INTO only_here VALUES (1);
SELECT * FROM only_here;
\c compat_db_create_drop
SELECT * FROM only_here;
DROP DATABASE compat_extra_db;
DROP DATABASE compat_extra_db;
DROP DATABASE IF EXISTS compat_extra_db;
-- re-created from scratch: the table is gone
CREATE DATABASE compat_extra_db;
\c compat_extra_db
SELECT * FROM only_here;
\c compat_db_create_drop
DROP DATABASE compat_extra_db;
BEGIN;
CREATE DATABASE compat_in_txn;
ROLLBACK;
BEGIN;
DROP DATABASE IF EXISTS compat_in_txn;
ROLLBACK;
-- the current database cannot be dropped
DROP DATABASE compat_db_create_drop;
