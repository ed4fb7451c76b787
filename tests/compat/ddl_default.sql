-- DEFAULT with constants: omitted columns, the DEFAULT keyword, NULL when no default.
CREATE TABLE defs (
  id integer PRIMARY KEY,
  n integer DEFAULT 42,
  s text DEFAULT 'none',
  f boolean DEFAULT false,
  d double precision DEFAULT 1.5,
  m numeric DEFAULT -0.25,
  c char(3) DEFAULT 'ab',
  neg smallint DEFAULT -1,
  nothing text
);
INSERT INTO defs (id) VALUES (1);
INSERT INTO defs VALUES (2, DEFAULT, DEFAULT, true, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT);
INSERT INTO defs (id, s) VALUES (3, DEFAULT), (4, 'given');
INSERT INTO defs (id, n, nothing) VALUES (5, NULL, 'x');
SELECT * FROM defs ORDER BY id;
-- DEFAULT in UPDATE
UPDATE defs SET n = DEFAULT, s = DEFAULT WHERE id = 4;
SELECT id, n, s FROM defs WHERE id = 4;
-- DEFAULT and NOT NULL together
CREATE TABLE dn (id integer PRIMARY KEY, v text NOT NULL DEFAULT 'dflt');
INSERT INTO dn (id) VALUES (1);
INSERT INTO dn VALUES (2, DEFAULT);
INSERT INTO dn VALUES (3, NULL);
SELECT * FROM dn ORDER BY id;
