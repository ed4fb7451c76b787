-- COPY in CSV format: quoting, embedded newlines, HEADER, FORCE_QUOTE, FORCE_NOT_NULL, ESCAPE
CREATE TABLE cc (id int, a text, b text);
COPY cc FROM stdin WITH (FORMAT csv, HEADER);
id,a,b
1,plain,"with,comma"
2,"multi
line","say ""hi"""
3,,""
4,\N,"\."
\.
SELECT id, a, b, a IS NULL AS a_null, b IS NULL AS b_null FROM cc ORDER BY id;
COPY cc TO stdout WITH (FORMAT csv);
COPY cc TO stdout WITH (FORMAT csv, HEADER, FORCE_QUOTE (a));
COPY cc TO stdout WITH (FORMAT csv, FORCE_QUOTE *);
COPY cc TO stdout WITH (FORMAT csv, DELIMITER ';', QUOTE '''', NULL 'N/A');
COPY (SELECT b FROM cc ORDER BY id) TO stdout WITH (FORMAT csv);
-- psycopg2's old syntax
COPY cc FROM stdin WITH CSV HEADER;
x,y,z
5,five,"5"
\.
COPY cc (id, b) FROM stdin WITH (FORMAT csv, FORCE_NOT_NULL (b));
6,
\.
SELECT id, b IS NULL AS b_null, b FROM cc WHERE id >= 5 ORDER BY id;
COPY cc FROM stdin WITH (FORMAT csv, ESCAPE '\');
7,"back\"slash",x
\.
SELECT a FROM cc WHERE id = 7;
COPY cc FROM stdin WITH (FORMAT csv, ENCODING 'UTF8');
8,"Grüße",ok
\.
SELECT a FROM cc WHERE id = 8;
-- errors
COPY cc FROM stdin WITH (FORMAT csv);
9,"unterminated
\.
COPY cc FROM stdin WITH (FORMAT csv);
9,a,b,c
\.
COPY cc FROM stdin WITH (FORMAT csv);
nine,a,b
\.
COPY cc TO stdout WITH (FORMAT csv, FORCE_QUOTE (nope));
COPY cc TO stdout WITH (FORMAT csv, DELIMITER ',', QUOTE ',');
COPY cc FROM stdin WITH (FORMAT csv, FORCE_NOT_NULL (id), HEADER) ;
id
\.
SELECT count(*) FROM cc;
DROP TABLE cc;
