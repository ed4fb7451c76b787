-- bytea: hex and escape input, hex output, ||, length, encode/decode, md5, comparison, storage.
SELECT '\x0001ff'::bytea AS hex, '\x'::bytea AS empty, 'abc'::bytea AS escape_in, 'a\\b\001\377'::bytea AS octal;
SELECT '\xDEADbeef'::bytea AS upper_hex, '\x de ad '::bytea AS spaced;
SELECT '\x0'::bytea;
SELECT '\xzz'::bytea;
SELECT 'a\'::bytea;
SELECT 'a\9'::bytea;
SELECT '\x01'::bytea || '\x02'::bytea AS cat, length('\x010203'::bytea) AS len, octet_length('\x0102'::bytea) AS olen;
SELECT encode('\x00ff10'::bytea, 'hex') AS hex, encode('hello world'::bytea, 'base64') AS b64,
       encode('a\\b\001~\177'::bytea, 'escape') AS esc;
SELECT decode('00ff10', 'hex') AS hex, decode('aGVsbG8gd29ybGQ=', 'base64') AS b64, decode('a\\b\001', 'escape') AS esc;
SELECT encode(decode('MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MA==', 'base64'), 'base64');
SELECT decode('0', 'hex');
SELECT decode('xy', 'hex');
SELECT decode('a===', 'base64');
SELECT decode('ab', 'base64');
SELECT encode('\x01'::bytea, 'rot13');
SELECT md5('\x616263'::bytea) AS md5_abc, md5(''::bytea) AS md5_empty;
SELECT '\x01'::bytea < '\x0100'::bytea AS lt, '\x02'::bytea > '\x0100'::bytea AS gt, '\xff'::bytea = '\xFF'::bytea AS eq,
       '\x'::bytea < '\x00'::bytea AS empty_lt;
SELECT get_byte('\x1234'::bytea, 1), 'abc'::bytea::text AS t1, '\x41'::bytea::text AS t2;
CREATE TABLE blobs (id int PRIMARY KEY, b bytea);
INSERT INTO blobs VALUES (1, '\x00'), (2, '\xff00'), (3, NULL), (4, ''), (5, 'hello'), (6, '\x0000');
SELECT * FROM blobs ORDER BY b, id;
SELECT * FROM blobs WHERE b = '\x0000';
SELECT b, count(*) FROM blobs GROUP BY b ORDER BY b NULLS FIRST;
SELECT DISTINCT length(b) FROM blobs ORDER BY 1;
UPDATE blobs SET b = b || '\xaa'::bytea WHERE id = 1;
SELECT id, b, encode(b, 'hex') FROM blobs WHERE id = 1;
CREATE TABLE bkeys (k bytea PRIMARY KEY, v int);
INSERT INTO bkeys VALUES ('\x02', 1), ('\x01ff', 2), ('\x01', 3);
SELECT * FROM bkeys ORDER BY k;
SELECT * FROM bkeys WHERE k = '\x01ff';
INSERT INTO bkeys VALUES ('\x01', 4);
DROP TABLE blobs;
DROP TABLE bkeys;
