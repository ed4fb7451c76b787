-- COPY FROM STDIN / TO STDOUT in text format: escapes, NULL, column lists, errors with CONTEXT
CREATE TABLE ct (id int PRIMARY KEY, name text, score numeric, born date);
COPY ct FROM stdin;
1	alice	1.5	2000-01-02
2	b\tob	\N	\N
3	c\\d\ne	-7	1999-12-31
4		0	2020-02-29
\.
SELECT * FROM ct ORDER BY id;
COPY ct TO stdout;
COPY ct (name, id) TO stdout;
COPY ct (id, name) FROM stdin;
5	only two
\.
COPY (SELECT id, name FROM ct WHERE id > 2 ORDER BY id DESC) TO stdout;
COPY ct TO stdout WITH (DELIMITER '|', NULL 'NULL');
COPY ct TO stdout WITH (HEADER);
-- old syntax
COPY ct FROM stdin WITH DELIMITER AS ',' NULL AS 'nil';
6,six,nil,nil
\.
SELECT * FROM ct WHERE id = 6;
-- errors: bad value (line 2), extra column, missing column, duplicate key; nothing is loaded
COPY ct FROM stdin;
7	seven	1	2001-01-01
x	eight	1	2001-01-01
\.
COPY ct FROM stdin;
7	seven	1	2001-01-01	extra
\.
COPY ct FROM stdin;
7	seven
\.
COPY ct FROM stdin;
8	eight	1	2001-01-01
1	dup	1	2001-01-01
\.
COPY ct FROM stdin;
9	nine	abc	2001-01-01
\.
COPY ct FROM stdin;
9	nine	1	2001-13-01
\.
SELECT count(*) FROM ct;
COPY ct (nope) FROM stdin;
COPY ct (id, id) FROM stdin;
COPY missing FROM stdin;
-- COPY in a transaction block is transactional
BEGIN;
COPY ct (id, name) FROM stdin;
10	ten
\.
SELECT count(*) FROM ct;
ROLLBACK;
SELECT count(*) FROM ct;
BEGIN;
COPY ct (id, name) FROM stdin;
11	eleven
\.
COMMIT;
SELECT id, name FROM ct WHERE id = 11;
-- a failed COPY aborts the block
BEGIN;
COPY ct (id) FROM stdin;
bad
\.
SELECT 1;
ROLLBACK;
-- defaults and NOT NULL
CREATE TABLE cd (a int NOT NULL, b text DEFAULT 'dflt', c int);
COPY cd (a, c) FROM stdin;
1	10
2	\N
\.
SELECT * FROM cd ORDER BY a;
COPY cd (a) FROM stdin;
3
\N
\.
-- option errors
COPY ct TO stdout WITH (FORMAT xml);
COPY ct TO stdout WITH (DELIMITER 'ab');
COPY ct TO stdout WITH (QUOTE '"');
COPY ct TO stdout WITH (FORMAT binary, NULL 'x');
COPY ct TO stdout WITH (FORMAT csv, FORMAT csv);
COPY ct TO stdout WITH (bogus 1);
COPY ct TO stdout WITH (FORCE_NOT_NULL (id));
COPY ct FROM stdin WITH (FORMAT csv, FORCE_QUOTE (id));
COPY ct TO stdout WITH (DELIMITER 'a');
DROP TABLE ct;
DROP TABLE cd;
