-- jsonb: normalisation (key order, duplicates, numbers, spacing), operators, functions,
-- comparison/ordering, storage, aggregates, set-returning functions, errors. Invalid JSON text is
-- covered by tests/unit/types (PostgreSQL adds a CONTEXT line Basalt does not produce).
SELECT '{"b": 1, "a": 2, "aa": 3, "c": {"z": null, "y": [1, 2]}}'::jsonb AS sorted,
       '{"a": 1, "a": 2}'::jsonb AS dup_last_wins, '[1.50, 1e2, -0, 1.0E-2, 3.0]'::jsonb AS numbers;
SELECT '  "str\u00e9\n"  '::jsonb AS string, 'null'::jsonb AS jnull, 'true'::jsonb AS jtrue, '[]'::jsonb AS empty_arr,
       '{}'::jsonb AS empty_obj, '{"k":[{"x":{}}]}'::jsonb AS nested;
SELECT '{"a": {"b": [10, 20, {"c": "x"}]}, "n": null}'::jsonb -> 'a' AS a, '{"a": 1}'::jsonb -> 'b' AS missing,
       '[1, 2, 3]'::jsonb -> 0 AS first, '[1, 2, 3]'::jsonb -> -1 AS last, '[1, 2, 3]'::jsonb -> 5 AS out_of_range;
SELECT '{"a": "text", "b": 1, "c": null, "d": [1]}'::jsonb ->> 'a' AS str, '{"b": 1.5}'::jsonb ->> 'b' AS num,
       '{"c": null}'::jsonb ->> 'c' AS jnull, '{"d": [1, "x"]}'::jsonb ->> 'd' AS arr, '["a", "b"]'::jsonb ->> 1 AS elem;
SELECT '{"a": {"b": [10, 20, {"c": "x"}]}}'::jsonb #> '{a,b,2}' AS path, '{"a": {"b": [10, 20]}}'::jsonb #>> '{a,b,1}' AS path_text,
       '{"a": 1}'::jsonb #> '{}' AS empty_path, '{"a": [1]}'::jsonb #> '{a,x}' AS bad_index;
SELECT '{"a": 1, "b": {"c": 2, "d": 3}}'::jsonb @> '{"b": {"c": 2}}' AS contains,
       '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}' AS contained, '[1, 2, [3, 4]]'::jsonb @> '[[3]]' AS nested_arr,
       '[1, 2]'::jsonb @> '1' AS scalar_in_array, '{"a": [1, 2]}'::jsonb @> '{"a": 1}' AS not_contained;
SELECT '{"a": 1, "b": 2}'::jsonb ? 'a' AS has_key, '["x", "y"]'::jsonb ? 'y' AS in_array, '{"a": 1}'::jsonb ?| '{b,a}' AS any_key,
       '{"a": 1}'::jsonb ?& '{a,b}' AS all_keys, '"s"'::jsonb ? 's' AS scalar;
SELECT '{"a": 1}'::jsonb || '{"b": 2, "a": 3}' AS merge, '[1]'::jsonb || '[2, 3]' AS arr_cat, '[1]'::jsonb || '2' AS append,
       '1'::jsonb || '2' AS scalars, '{"a": 1}'::jsonb || '[1]' AS obj_arr;
SELECT '{"a": 1, "b": 2}'::jsonb - 'a' AS del_key, '["a", "b", "a"]'::jsonb - 'a' AS del_str, '[1, 2, 3]'::jsonb - 1 AS del_idx,
       '[1, 2, 3]'::jsonb - -1 AS del_last, '{"a": 1, "b": 2, "c": 3}'::jsonb - '{a,c}'::text[] AS del_keys,
       '{"a": {"b": 1, "c": 2}}'::jsonb #- '{a,b}' AS del_path;
SELECT '1'::jsonb - 'a';
SELECT '{"a": 1}'::jsonb - 0;
SELECT jsonb_build_object('a', 1, 'b', 'text', 'c', NULL, 'd', true, 'e', 2.50, 'a', 9) AS obj,
       jsonb_build_array(1, 'two', NULL, false, '{"x":1}'::jsonb) AS arr, jsonb_build_object() AS empty;
SELECT jsonb_build_object('a');
SELECT jsonb_build_object(NULL, 1);
SELECT to_jsonb(1) AS i, to_jsonb('text'::text) AS t, to_jsonb(ARRAY[1,2]) AS a, to_jsonb(1.5::float8) AS f,
       to_jsonb('NaN'::float8) AS nan, to_jsonb(true) AS b, to_jsonb('2024-01-02'::date) AS d,
       to_jsonb('2024-01-02 03:04:05'::timestamp) AS ts, to_jsonb(ARRAY[['a'],['b']]) AS two_d, to_jsonb(NULL::int) AS n;
SELECT jsonb_typeof('{}'), jsonb_typeof('[]'), jsonb_typeof('1'), jsonb_typeof('"s"'), jsonb_typeof('true'), jsonb_typeof('null');
SELECT jsonb_array_length('[1, 2, [3]]'), jsonb_array_length('[]');
SELECT jsonb_array_length('{}');
SELECT jsonb_array_length('5');
SELECT jsonb_set('{"a": {"b": 1}}', '{a,b}', '2') AS replaced, jsonb_set('{"a": 1}', '{c}', '[true]') AS added,
       jsonb_set('{"a": 1}', '{c}', '3', false) AS not_created, jsonb_set('[1, 2]', '{5}', '9') AS appended,
       jsonb_set('[1, 2]', '{-5}', '0') AS prepended;
SELECT jsonb_pretty('{"a": [1, 2, {"b": null}], "c": {}, "d": []}');
SELECT jsonb_pretty('[]'), jsonb_pretty('"x"');
SELECT jsonb_strip_nulls('{"a": null, "b": {"c": null, "d": 1}, "e": [null]}');
SELECT '{"a": 1}'::jsonb = '{"a": 1.0}'::jsonb AS num_eq, '[1, [2]]'::jsonb < '[[1], 2]'::jsonb AS nested_lt,
       '1'::jsonb < '[]'::jsonb AS scalar_vs_empty, 'null'::jsonb < '"a"'::jsonb AS null_low,
       '{"a": 1}'::jsonb > '[1, 2, 3]'::jsonb AS obj_high, 'true'::jsonb > '1'::jsonb AS bool_vs_num;
CREATE TABLE docs (id int PRIMARY KEY, body jsonb);
INSERT INTO docs VALUES (1, '{"name": "a", "tags": ["x", "y"], "n": 3}'), (2, '{"name": "b", "n": 1.5}'),
  (3, '[1, 2]'), (4, 'null'), (5, NULL), (6, '{"name": "c", "tags": ["y"]}');
SELECT * FROM docs ORDER BY body, id;
SELECT id, body ->> 'name' AS name, body -> 'tags' -> 0 AS first_tag FROM docs ORDER BY id;
SELECT id FROM docs WHERE body @> '{"tags": ["y"]}' ORDER BY id;
SELECT id FROM docs WHERE body ? 'n' ORDER BY id;
SELECT body -> 'tags', count(*) FROM docs GROUP BY body -> 'tags' ORDER BY 1 NULLS FIRST;
SELECT DISTINCT jsonb_typeof(body) FROM docs ORDER BY 1;
UPDATE docs SET body = jsonb_set(body, '{n}', '10') WHERE id = 1;
UPDATE docs SET body = body || '{"extra": true}' WHERE id = 2;
SELECT id, body FROM docs WHERE id IN (1, 2) ORDER BY id;
SELECT jsonb_agg(id ORDER BY id) AS ids, jsonb_agg(body -> 'name' ORDER BY id) FILTER (WHERE id < 3) AS names FROM docs;
SELECT jsonb_object_agg(body ->> 'name', id ORDER BY id) FROM docs WHERE body ? 'name';
SELECT jsonb_agg(x) FROM (VALUES (1)) v(x) WHERE false;
SELECT * FROM jsonb_each('{"b": 1, "a": {"c": [true]}}') ORDER BY key;
SELECT * FROM jsonb_each_text('{"b": 1, "a": "str", "n": null}') ORDER BY key;
SELECT * FROM jsonb_array_elements('[1, "two", {"three": 3}]');
SELECT jsonb_array_elements_text('["a", 1, null]') AS v;
SELECT jsonb_object_keys('{"b": 1, "aa": 2, "a": 3}') AS k;
SELECT d.id, e.key FROM (SELECT * FROM docs WHERE jsonb_typeof(body) = 'object') d, jsonb_each(d.body) e ORDER BY d.id, e.key;
SELECT * FROM jsonb_each('[1]');
SELECT * FROM jsonb_array_elements('{"a": 1}');
DROP TABLE docs;
