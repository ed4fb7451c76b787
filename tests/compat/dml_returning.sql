-- INSERT / UPDATE / DELETE ... RETURNING: *, expressions, aliases, defaults and serials.
CREATE TABLE r (id serial PRIMARY KEY, name text NOT NULL, qty int DEFAULT 7, note text);
INSERT INTO r (name) VALUES ('a') RETURNING *;
INSERT INTO r (name, qty) VALUES ('b', 2), ('c', 3) RETURNING id, qty * 10 AS ten, upper(name);
INSERT INTO r AS x (name) VALUES ('d') RETURNING x.id, x.name, 'lit';
INSERT INTO r (name) VALUES ('e') RETURNING r.*;
UPDATE r SET qty = qty + 1 WHERE id <= 2 RETURNING id, qty;
UPDATE r SET note = 'n' WHERE false RETURNING *;
DELETE FROM r WHERE name = 'c' RETURNING id, name || '!' AS gone;
DELETE FROM r WHERE id > 100 RETURNING *;
INSERT INTO r (name) VALUES ('f') RETURNING nosuch;
INSERT INTO r (name) VALUES ('g') RETURNING q.*;
INSERT INTO r (name) VALUES (NULL) RETURNING id;
BEGIN;
INSERT INTO r (name) VALUES ('h') RETURNING name;
ROLLBACK;
SELECT id, name, qty, note FROM r ORDER BY id;
