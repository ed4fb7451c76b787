-- Aggregates: DISTINCT, FILTER, string_agg with ORDER BY, bool_*/every, bit_*, statistics,
-- ordered-set aggregates (percentile_cont/disc, mode), corr/covar/regr_*.
\pset null '<null>'
CREATE TABLE a (id integer PRIMARY KEY, g text, i integer, b bigint, n numeric, f float8, s text, ok boolean, iv interval);
INSERT INTO a VALUES
  (1, 'x', 1, 10, 1.5, 1.0, 'apple', true, '1 day'),
  (2, 'x', 2, 20, 2.5, 2.0, 'banana', true, '2 days'),
  (3, 'x', 2, 30, NULL, 4.0, 'cherry', false, '3 hours'),
  (4, 'y', 5, NULL, 10, 8.0, NULL, NULL, NULL),
  (5, 'y', NULL, 50, 20.25, NULL, 'date', true, '1 mon'),
  (6, 'z', 7, 7, 7, 7, 'egg', false, '10 min');
SELECT count(DISTINCT i), count(DISTINCT g), sum(DISTINCT i), avg(DISTINCT i), count(*) FILTER (WHERE i > 1), sum(i) FILTER (WHERE g = 'x') FROM a;
SELECT g, count(DISTINCT i), max(s) FILTER (WHERE ok), string_agg(s, ',') FILTER (WHERE id < 5) FROM a GROUP BY g ORDER BY g;
SELECT string_agg(s, ', ' ORDER BY s DESC), string_agg(s, '' ORDER BY id), string_agg(DISTINCT g, '|' ORDER BY g) FROM a;
SELECT g, string_agg(s, '-' ORDER BY id DESC) FROM a GROUP BY g ORDER BY g;
SELECT string_agg(s, ',') FROM a WHERE false;
SELECT string_agg(s, NULL ORDER BY id), string_agg(id::text, ',' ORDER BY i NULLS FIRST, id) FROM a;
SELECT string_agg(DISTINCT s, ',' ORDER BY id) FROM a;
SELECT string_agg(i, ',') FROM a;
SELECT bool_and(ok), bool_or(ok), every(ok), bool_and(ok) FILTER (WHERE ok) FROM a;
SELECT bit_and(i), bit_or(i), bit_xor(i), bit_and(b), bit_or(b), bit_or(i::smallint) FROM a;
SELECT variance(i), var_samp(i), var_pop(i), stddev(i), stddev_samp(i), stddev_pop(i) FROM a;
SELECT variance(n), var_pop(n), stddev(n), stddev_pop(n), variance(b), stddev(b) FROM a;
SELECT variance(f), var_pop(f), stddev(f), stddev_pop(f), variance(f::real) FROM a;
SELECT g, variance(i), stddev_samp(n), var_pop(f) FROM a GROUP BY g ORDER BY g;
SELECT variance(x), stddev(x) FROM (VALUES (1.0), (1.0), (1.0)) v(x);
SELECT corr(f, i), covar_pop(f, i), covar_samp(f, i), regr_count(f, i), regr_sxx(f, i), regr_syy(f, i), regr_sxy(f, i) FROM a;
SELECT regr_avgx(f, i), regr_avgy(f, i), regr_slope(f, i), regr_intercept(f, i), regr_r2(f, i) FROM a;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f), percentile_disc(0.5) WITHIN GROUP (ORDER BY f), percentile_cont(0.25) WITHIN GROUP (ORDER BY i) FROM a;
SELECT percentile_cont(0) WITHIN GROUP (ORDER BY n), percentile_cont(1) WITHIN GROUP (ORDER BY n), percentile_disc(0.9) WITHIN GROUP (ORDER BY n DESC), percentile_disc(0.5) WITHIN GROUP (ORDER BY s) FROM a;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY iv), percentile_disc(0.5) WITHIN GROUP (ORDER BY iv), percentile_cont(0.3) WITHIN GROUP (ORDER BY iv) FROM a;
SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY f), mode() WITHIN GROUP (ORDER BY i) FROM a GROUP BY g ORDER BY g;
SELECT mode() WITHIN GROUP (ORDER BY i), mode() WITHIN GROUP (ORDER BY g), mode() WITHIN GROUP (ORDER BY g DESC) FROM a;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f) FROM a WHERE false;
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY f) FROM a;
SELECT percentile_cont(0.5) FROM a;
SELECT sum(i) WITHIN GROUP (ORDER BY i) FROM a;
SELECT sum(i ORDER BY i), count(i ORDER BY id DESC), max(s ORDER BY s) FROM a;
SELECT variance(s) FROM a;
SELECT count(*), sum(i), string_agg(s, ',') FROM a WHERE id > 100;
