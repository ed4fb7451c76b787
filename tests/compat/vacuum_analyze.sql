-- VACUUM and ANALYZE: options, errors, statistics in pg_class, pg_stats and
-- pg_stat_user_tables.
CREATE TABLE va (id int PRIMARY KEY, grp int, name text, note text);
INSERT INTO va SELECT i, i % 4, 'name' || (i % 2), NULL FROM generate_series(1, 100) AS i;
CREATE TABLE vb (x int);
INSERT INTO vb VALUES (1), (1), (2), (NULL);

VACUUM;
VACUUM va;
VACUUM va, vb;
VACUUM FULL va;
VACUUM FREEZE vb;
VACUUM (FULL, FREEZE) vb;
VACUUM (ANALYZE) va;
VACUUM nope;
VACUUM va, nope;
VACUUM (NOSUCHOPTION) va;
ANALYZE nope;
BEGIN;
VACUUM va;
ROLLBACK;
VACUUM va; SELECT 1;

SELECT relname, reltuples FROM pg_class WHERE relname IN ('va', 'vb') ORDER BY relname;
SELECT attname, null_frac, avg_width, n_distinct, most_common_vals::text, most_common_freqs
  FROM pg_stats WHERE tablename = 'va' ORDER BY attname;
SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed,
       vacuum_count > 0 AS has_vacuum_count, analyze_count > 0 AS has_analyze_count
  FROM pg_stat_user_tables WHERE relname IN ('va', 'vb') ORDER BY relname;

ANALYZE vb;
SELECT attname, null_frac, avg_width, n_distinct, most_common_vals::text, most_common_freqs
  FROM pg_stats WHERE tablename = 'vb' ORDER BY attname;
SELECT relname, reltuples FROM pg_class WHERE relname = 'vb';

-- ANALYZE inside a transaction block is allowed and sees the block's rows.
BEGIN;
INSERT INTO vb SELECT 3 FROM generate_series(1, 6);
ANALYZE vb;
SELECT reltuples FROM pg_class WHERE relname = 'vb';
SELECT n_distinct, most_common_vals::text, most_common_freqs FROM pg_stats WHERE tablename = 'vb';
COMMIT;
SELECT reltuples FROM pg_class WHERE relname = 'vb';

ANALYZE;
ANALYZE VERBOSE nope;
VACUUM ANALYZE va;
SELECT count(*) FROM va;
SELECT * FROM va WHERE id = 42;

-- An empty table, and one that was emptied.
CREATE TABLE ve (a int, b text);
ANALYZE ve;
SELECT reltuples FROM pg_class WHERE relname = 've';
SELECT count(*) FROM pg_stats WHERE tablename = 've';
INSERT INTO ve VALUES (1, NULL), (2, NULL);
ANALYZE ve;
SELECT attname, null_frac, avg_width, n_distinct FROM pg_stats WHERE tablename = 've' ORDER BY attname;
