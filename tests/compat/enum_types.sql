-- Enum types: CREATE TYPE ... AS ENUM, values as columns, casts, ordering, errors.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE person (id int PRIMARY KEY, name text, current_mood mood);
INSERT INTO person VALUES (1, 'Moe', 'happy'), (2, 'Larry', 'sad'), (3, 'Curly', 'ok'), (4, 'Shemp', NULL);
SELECT * FROM person ORDER BY id;
-- declaration order, not alphabetical
SELECT name, current_mood FROM person ORDER BY current_mood, id;
SELECT name FROM person WHERE current_mood > 'sad' ORDER BY id;
SELECT name FROM person WHERE current_mood = 'ok';
SELECT name FROM person WHERE current_mood IN ('happy', 'sad') ORDER BY id;
SELECT min(current_mood), max(current_mood) FROM person;
SELECT 'happy'::mood, 'ok'::mood < 'happy'::mood AS lt, 'sad'::mood = 'sad' AS eq;
SELECT current_mood::text || '!' AS shout FROM person WHERE id = 1;
SELECT 'ok'::text::mood AS m;
SELECT DISTINCT current_mood FROM person ORDER BY 1;
UPDATE person SET current_mood = 'ok' WHERE id = 2;
SELECT name, current_mood FROM person WHERE id = 2;
-- errors
INSERT INTO person VALUES (5, 'Joe', 'grumpy');
SELECT 'nope'::mood;
SELECT current_mood + 1 FROM person;
CREATE TYPE mood AS ENUM ('x');
CREATE TYPE color AS ENUM ('red', 'green');
SELECT 'red'::color = 'sad'::mood;
SELECT 'x'::nosuchtype;
-- ADD VALUE
ALTER TYPE mood ADD VALUE 'ecstatic';
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
ALTER TYPE mood ADD VALUE 'blah' AFTER 'happy';
ALTER TYPE mood ADD VALUE 'ok';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';
ALTER TYPE mood ADD VALUE 'zzz' BEFORE 'nothere';
INSERT INTO person VALUES (6, 'Emil', 'meh'), (7, 'Otto', 'ecstatic'), (8, 'Ida', 'blah');
SELECT name, current_mood FROM person ORDER BY current_mood NULLS FIRST, id;
-- primary key on an enum column keeps declaration order
CREATE TABLE by_mood (m mood PRIMARY KEY, n int);
INSERT INTO by_mood VALUES ('happy', 1), ('sad', 2), ('meh', 3);
SELECT * FROM by_mood ORDER BY m;
SELECT * FROM by_mood WHERE m = 'sad';
-- DROP TYPE
DROP TABLE by_mood;
DROP TYPE mood;
DROP TYPE nosuchtype;
DROP TYPE IF EXISTS nosuchtype;
DROP TABLE person;
DROP TYPE mood;
DROP TYPE color, dup;
DROP TYPE IF EXISTS color;
SELECT 'ok'::mood;
-- transactional
BEGIN;
CREATE TYPE t_enum AS ENUM ('one');
ROLLBACK;
SELECT 'one'::t_enum;
