-- Date/time functions: date_trunc with a time zone, justify_*, isfinite, make_timestamp[tz],
-- make_interval, to_timestamp(double), date_bin.
\pset null '<null>'
SET TimeZone = 'UTC';
SELECT date_trunc('day', '2024-03-10 15:30:00+00'::timestamptz, 'America/New_York'), date_trunc('hour', '2024-03-10 15:30:00+00'::timestamptz, 'Asia/Kolkata');
SELECT date_trunc('month', '2024-03-10 15:30:00+00'::timestamptz, 'Europe/Berlin'), date_trunc('year', '2024-01-01 00:30:00+00'::timestamptz, 'Asia/Tokyo');
SELECT date_trunc('day', '2024-03-10 15:30:00+00'::timestamptz, 'Mars/Olympus');
SELECT justify_days('35 days'), justify_days('-35 days'), justify_hours('27 hours'), justify_hours('-27 hours'), justify_interval('1 mon -1 hour'), justify_interval('-1 mon 35 days 27 hours');
SELECT isfinite('2024-01-01'::date), isfinite('infinity'::date), isfinite('2024-01-01'::timestamp), isfinite('-infinity'::timestamp), isfinite('infinity'::timestamptz), isfinite('1 day'::interval);
SELECT make_timestamp(2024, 2, 29, 13, 45, 30.5), make_timestamp(-44, 3, 15, 0, 0, 0), make_timestamp(2024, 1, 1, 24, 0, 0);
SELECT make_timestamptz(2024, 7, 1, 12, 0, 0), make_timestamptz(2024, 7, 1, 12, 0, 0, 'America/New_York'), make_timestamptz(2024, 1, 1, 12, 0, 0.25, 'Asia/Tokyo');
SELECT make_timestamp(2023, 2, 29, 0, 0, 0);
SELECT make_timestamp(0, 1, 1, 0, 0, 0);
SELECT make_timestamp(2024, 1, 1, 25, 0, 0);
SELECT make_timestamp(2024, 1, 1, 10, 60, 0);
SELECT make_interval(), make_interval(1), make_interval(1, 2), make_interval(1, 2, 3), make_interval(0, 0, 1, 2), make_interval(0, 0, 0, 0, 5, 30), make_interval(1, 2, 3, 4, 5, 6, 7.5), make_interval(0, 0, 0, 0, 0, 0, -1.25);
SELECT to_timestamp(0), to_timestamp(1700000000), to_timestamp(1700000000.123456), to_timestamp(-1.5), to_timestamp('infinity'::float8), to_timestamp('-infinity'::float8);
SELECT to_timestamp('NaN'::float8);
SELECT to_timestamp(1e20);
SELECT date_bin('15 minutes', '2020-02-11 15:44:17'::timestamp, '2001-01-01'::timestamp), date_bin('15 minutes', '2020-02-11 15:44:17'::timestamp, '2001-01-01 00:02:30'::timestamp);
SELECT date_bin('1 day', '2024-05-05 10:00'::timestamp, '2024-05-01'::timestamp), date_bin('1 hour', '1999-12-31 23:30'::timestamp, '2000-01-01'::timestamp), date_bin('2 days 3 hours', '2024-05-05 10:00+00'::timestamptz, '2024-01-01 00:00+00'::timestamptz);
SELECT date_bin('1 month', '2024-05-05'::timestamp, '2024-01-01'::timestamp);
SELECT date_bin('0 minutes', '2024-05-05'::timestamp, '2024-01-01'::timestamp);
SELECT date_bin('-5 minutes', '2024-05-05'::timestamp, '2024-01-01'::timestamp);
SELECT date_bin('1 hour', 'infinity'::timestamp, '2024-01-01'::timestamp);
SELECT date_bin('1 hour', '2024-01-01'::timestamp, 'infinity'::timestamp);
CREATE TABLE ev (id integer PRIMARY KEY, at timestamp, v integer);
INSERT INTO ev VALUES (1, '2024-01-01 10:03', 1), (2, '2024-01-01 10:14', 2), (3, '2024-01-01 10:16', 3), (4, '2024-01-01 11:59', 4);
SELECT date_bin('15 minutes', at, '2024-01-01'::timestamp) AS bucket, count(*), sum(v) FROM ev GROUP BY 1 ORDER BY 1;
SELECT id, date_trunc('hour', at), make_interval(0, 0, 0, v) FROM ev ORDER BY id;
