-- HAVING: filters groups on aggregates, with and without GROUP BY, combined with WHERE and ORDER BY.
CREATE TABLE hv (id integer PRIMARY KEY, team text, pts integer);
INSERT INTO hv VALUES (1, 'red', 10), (2, 'red', 20), (3, 'blue', 5), (4, 'blue', 1), (5, 'green', 50),
  (6, 'red', NULL), (7, 'green', -10), (8, 'gold', 7);
SELECT team, sum(pts) FROM hv GROUP BY team HAVING sum(pts) > 10 ORDER BY team;
SELECT team, count(*) FROM hv GROUP BY team HAVING count(*) >= 2 ORDER BY count(*) DESC, team;
SELECT team, max(pts) FROM hv WHERE pts > 0 GROUP BY team HAVING max(pts) < 40 ORDER BY team;
SELECT team FROM hv GROUP BY team HAVING min(pts) < 0 OR avg(pts) > 14 ORDER BY team;
SELECT team, avg(pts) FROM hv GROUP BY team HAVING team <> 'gold' ORDER BY team;
SELECT count(*) FROM hv HAVING count(*) > 3;
SELECT count(*) FROM hv HAVING count(*) > 30;
SELECT team, sum(pts) FROM hv GROUP BY team HAVING sum(pts) IS NULL;
-- HAVING must not reference ungrouped columns
SELECT team FROM hv GROUP BY team HAVING pts > 1;
