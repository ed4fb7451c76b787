-- uuid: input forms, lower-case output, comparison, storage, errors.
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS std,
       'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid AS upper,
       '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}'::uuid AS braces,
       'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid AS bare,
       'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11'::uuid AS groups4;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111'::uuid;
SELECT 'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;
SELECT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;
SELECT 'a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;
SELECT ''::uuid;
SELECT '00000000-0000-0000-0000-000000000000'::uuid < 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid AS lt,
       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid = '{A0EEBC999C0B4EF8BB6D6BB9BD380A11}'::uuid AS eq;
SELECT length(gen_random_uuid()::text) AS len, gen_random_uuid() <> gen_random_uuid() AS differ,
       substr(gen_random_uuid()::text, 15, 1) AS version;
CREATE TABLE ids (id uuid PRIMARY KEY, name text);
INSERT INTO ids VALUES ('b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'b'), ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a'),
  ('00000000-0000-0000-0000-000000000001', 'one');
SELECT * FROM ids ORDER BY id;
SELECT name FROM ids WHERE id = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11';
INSERT INTO ids VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'dup');
SELECT id::text, name FROM ids WHERE id > '10000000-0000-0000-0000-000000000000' ORDER BY id DESC;
SELECT count(DISTINCT id) FROM ids;
DROP TABLE ids;
