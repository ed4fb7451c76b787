-- json: input kept verbatim (validated), navigation operators return the original text,
-- constructors and to_json formatting, json_agg, set-returning functions, errors. Invalid JSON text
-- is covered by tests/unit/types (PostgreSQL adds a CONTEXT line Basalt does not produce).
SELECT '{"b":1,  "a" : [1, 2.50], "a": "dup"}'::json AS kept, '  [1,2]  '::json AS spaces, '"x"'::json AS str;
SELECT '{"a": {"b":  [1, 2]}, "c": "s"}'::json -> 'a' AS obj, '{"a": {"b":  [1, 2]}}'::json -> 'a' -> 'b' -> 1 AS elem,
       '{"c": "s\"q"}'::json ->> 'c' AS text_val, '[1, 2.50]'::json ->> 1 AS num_text, '{"a": 1, "a": 2}'::json -> 'a' AS last_dup;
SELECT '{"a": {"b": [1, 2]}}'::json #> '{a,b}' AS path, '{"a": {"b": [1, "x"]}}'::json #>> '{a,b,1}' AS path_text;
SELECT json_build_object('a', 1, 'b', 'x', 'c', NULL, 'd', ARRAY[1,2]) AS obj, json_build_array(1, 'a', NULL, true) AS arr,
       json_build_object() AS empty_obj, json_build_array() AS empty_arr;
SELECT to_json('str'::text) AS s, to_json(ARRAY['a','b']) AS a, to_json(1.50::numeric) AS n, to_json('{"x": 1}'::jsonb) AS jb,
       to_json('2024-01-02 01:04:05.5'::timestamp) AS ts;
SELECT json_typeof('{"a":1}'), json_typeof('[1]'), json_typeof(' 5 '), json_array_length('[1, [2, 3]]');
SELECT '{"b": 1, "a": 2}'::json::jsonb AS to_jsonb, '{"b":1}'::jsonb::json AS to_json, '[1,2]'::json::text AS as_text;
SELECT json_agg(x ORDER BY x) AS agg, json_agg(CASE WHEN x > 1 THEN x END ORDER BY x) AS with_nulls,
       json_object_agg(x, x * 10 ORDER BY x) AS obj_agg
  FROM (VALUES (1), (2), (3)) v(x);
SELECT * FROM json_each('{"b": 1, "a": [1,  2]}') ORDER BY key;
SELECT * FROM json_each_text('{"a": "x", "b": null}') ORDER BY key;
SELECT * FROM json_array_elements('[1, {"a":  "b"}, "c"]');
SELECT json_array_elements_text('["a", 2]') AS v;
SELECT json_object_keys('{"b": 1, "a": 2}') AS k;
CREATE TABLE jdocs (id int PRIMARY KEY, body json);
INSERT INTO jdocs VALUES (1, '{"k":  "v"}'), (2, '[1,2]'), (3, NULL);
SELECT id, body, body -> 'k' AS k FROM jdocs ORDER BY id;
SELECT body = body FROM jdocs;
DROP TABLE jdocs;
