-- arrays: literals and quoting, ARRAY[] and ARRAY(subquery), subscripts, ANY/ALL, comparison,
-- operators, functions, array_agg, unnest, array columns, errors.
SELECT '{1,2,3}'::int[] AS ints, '{}'::text[] AS empty, '{a,"b c",NULL,"NULL","",x\,y}'::text[] AS texts;
SELECT '{"quote\"d","back\\slash","{braces}"," lead"}'::text[] AS quoting, ' { 1 , 2 } '::int4[] AS spaced;
SELECT '{{1,2},{3,4}}'::int[] AS two_d, '[0:2]={7,8,9}'::int[] AS lower_bound;
SELECT '{1.5,NaN}'::numeric[], '{t,f,NULL}'::bool[], '{2024-01-02}'::date[], '{"1 day"}'::interval[];
SELECT '{\\x01ab}'::bytea[] AS byteas, '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid[] AS uuids;
SELECT '{abc,de}'::varchar(2)[] AS truncated, '{1,2}'::int2[]::int8[] AS widened, '{1,2}'::int[]::text[] AS as_text;
SELECT '1,2'::int[];
SELECT '{1,2'::int[];
SELECT '{1}x'::int[];
SELECT '{{1,2},{3}}'::int[];
SELECT '{1,x}'::int[];
SELECT ARRAY[1,2,3] AS a, ARRAY['a','b'] AS b, ARRAY[1,2.5] AS mixed, ARRAY[NULL,1] AS with_null;
SELECT ARRAY[ARRAY[1,2],ARRAY[3,4]] AS nested, ARRAY[]::int[] AS empty_cast;
SELECT ARRAY[];
SELECT ARRAY(SELECT g FROM generate_series(1,4) g ORDER BY g DESC) AS from_subquery,
       ARRAY(SELECT 1 WHERE false) AS empty_subquery;
SELECT (ARRAY[10,20,30])[2] AS second, (ARRAY[10,20,30])[4] AS out_of_range, (ARRAY[10,20,30])[0] AS zero,
       (ARRAY[10,20,30])[NULL] AS null_index, ('[0:2]={7,8,9}'::int[])[0] AS lb0;
SELECT (ARRAY[10,20,30,40])[2:3] AS slice, (ARRAY[10,20,30])[3:9] AS clamped, (ARRAY[1,2])[5:6] AS empty_slice;
SELECT 2 = ANY(ARRAY[1,2,3]) AS any_t, 4 = ANY(ARRAY[1,2,3]) AS any_f, 4 = ANY(ARRAY[1,NULL]) AS any_null,
       1 = ANY('{}'::int[]) AS any_empty, NULL::int = ANY('{}'::int[]) AS null_empty;
SELECT 5 > ALL(ARRAY[1,2,3]) AS all_t, 2 > ALL(ARRAY[1,2]) AS all_f, 5 > ALL(ARRAY[1,NULL]) AS all_null,
       1 <> ALL('{}'::int[]) AS all_empty, 'b' = ANY('{a,b}') AS unknown_array, 3 = ANY(NULL::int[]) AS null_array;
SELECT 2::bigint = ANY('{1,2}'::int[]) AS cross_type, 'x' = ANY(ARRAY['x','y']::varchar[]) AS varchars;
SELECT ARRAY[1,2] = ARRAY[1,2] AS eq, ARRAY[1,2] < ARRAY[1,3] AS lt, ARRAY[1,2] < ARRAY[1,2,0] AS shorter,
       ARRAY[1,NULL] > ARRAY[1,5] AS null_high, '{}'::int[] < ARRAY[1] AS empty_low, ARRAY[1.0] = ARRAY[1.00] AS num_eq;
SELECT ARRAY[1,2] || ARRAY[3] AS cat, ARRAY[1] || 2 AS append, 0 || ARRAY[1] AS prepend, '{1,2}' || ARRAY[3] AS unknown_cat,
       ARRAY['a'] || 'b'::text AS text_append, ARRAY[1,2] || '{}'::int[] AS cat_empty;
SELECT ARRAY[1,2,3] @> ARRAY[3,1] AS contains, ARRAY[1,2] <@ ARRAY[1,2,3] AS contained, ARRAY[1,2] && ARRAY[2,5] AS overlap,
       ARRAY[1,NULL] @> ARRAY[NULL::int] AS null_never, ARRAY[1] && ARRAY[3] AS no_overlap;
SELECT array_length(ARRAY[1,2,3], 1), array_length(ARRAY[1,2,3], 2), array_length('{}'::int[], 1),
       array_upper(ARRAY[1,2,3], 1), array_lower('[3:4]={1,2}'::int[], 1), cardinality(ARRAY[[1,2],[3,4]]),
       cardinality('{}'::int[]), array_dims('[0:2]={1,2,3}'::int[]), array_dims(ARRAY[[1],[2]]), array_ndims(ARRAY[1]);
SELECT array_position(ARRAY['a','b','a'], 'a'), array_position(ARRAY['a','b','a'], 'a', 2), array_position(ARRAY[1,NULL], NULL),
       array_position(ARRAY[1], 5), array_positions(ARRAY[1,2,1,3,1], 1), array_positions(ARRAY[1], 9);
SELECT array_append(ARRAY[1,2], 3), array_prepend(0, ARRAY[1,2]), array_cat(ARRAY[1], ARRAY[2,3]),
       array_append(NULL::int[], 1), array_cat(NULL::int[], ARRAY[1]), array_remove(ARRAY[1,2,1,NULL], 1),
       array_remove(ARRAY[1,NULL,2], NULL), array_replace(ARRAY[1,2,1], 1, 9);
SELECT array_to_string(ARRAY[1,NULL,3], ','), array_to_string(ARRAY[1,NULL,3], ',', '*'),
       array_to_string(ARRAY['a','b'], ''), array_to_string('{}'::text[], ',');
SELECT string_to_array('a,b,,c', ','), string_to_array('a b', NULL), string_to_array('abc', ''),
       string_to_array('', ','), string_to_array('a,NULL,b', ',', 'NULL'), string_to_array(NULL, ',');
CREATE TABLE posts (id int PRIMARY KEY, tags text[], scores int[], ids oid[]);
INSERT INTO posts VALUES (1, '{sql,db}', '{3,1}', '{23,25}'), (2, ARRAY['c++'], ARRAY[5], '{}'),
  (3, '{}', NULL, NULL), (4, '{db,"x y"}', '{1,2,3}', '{26}'), (5, NULL, '{}', '{16}');
SELECT * FROM posts ORDER BY id;
SELECT id, tags[1] AS first_tag, scores[2] AS second_score FROM posts ORDER BY id;
SELECT id FROM posts WHERE 'db' = ANY(tags) ORDER BY id;
SELECT id FROM posts WHERE tags @> '{db}' ORDER BY id;
SELECT id, cardinality(tags) FROM posts ORDER BY tags, id;
SELECT scores, count(*) FROM posts GROUP BY scores ORDER BY scores NULLS FIRST;
SELECT DISTINCT tags FROM posts ORDER BY tags NULLS LAST;
SELECT id FROM posts WHERE ids = '{23,25}' ORDER BY id;
SELECT id FROM posts WHERE 25 = ANY(ids) ORDER BY id;
UPDATE posts SET tags = tags || 'new'::text WHERE id = 2;
UPDATE posts SET scores = array_append(scores, 9) WHERE id IN (1, 5);
SELECT id, tags, scores FROM posts WHERE id IN (1, 2, 5) ORDER BY id;
SELECT array_agg(id ORDER BY id) AS ids, array_agg(tags[1] ORDER BY id) AS firsts FROM posts;
SELECT array_agg(id ORDER BY id DESC) FILTER (WHERE id > 2) AS filtered, array_agg(DISTINCT x ORDER BY x) AS distinct_vals
  FROM posts, (VALUES (1), (1), (2)) v(x);
SELECT array_agg(x) FROM (VALUES (NULL::int), (1)) v(x);
SELECT array_agg(x) FROM (VALUES (1)) v(x) WHERE false;
SELECT unnest(ARRAY[1,2,3]) AS u;
SELECT * FROM unnest('{a,b,NULL}'::text[]) AS t(x) ORDER BY x NULLS FIRST;
SELECT id, unnest(tags) AS tag FROM posts WHERE id < 3 ORDER BY id, tag;
SELECT tag, count(*) FROM posts, unnest(tags) AS tag GROUP BY tag ORDER BY tag;
INSERT INTO posts VALUES (6, '{a}', '{x}', NULL);
INSERT INTO posts VALUES (6, 'not an array', NULL, NULL);
SELECT ARRAY[1,2] = ARRAY['a'];
SELECT (1)[1];
SELECT 1 = ANY(1);
DROP TABLE posts;
