-- SELECT without FROM: literals, column names psql shows (?column?), several columns.
SELECT 1;
SELECT 1, 2, 3;
SELECT 'text';
SELECT 1 + 2 * 3, (1 + 2) * 3;
SELECT true, false, NULL;
SELECT -5, +5, - -5;
SELECT 2.5, -0.5, 1e3;
