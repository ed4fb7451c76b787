-- LIKE/ILIKE with ESCAPE, SIMILAR TO, regex operators and regexp_* functions, substring forms.
\pset null '<null>'
CREATE TABLE r (id integer PRIMARY KEY, t text);
INSERT INTO r VALUES (1, 'abc'), (2, 'ABC'), (3, 'a_c'), (4, 'a%c'), (5, 'xyz'), (6, NULL), (7, 'héllo'), (8, 'line1
line2');
SELECT id, t LIKE 'a%', t ILIKE 'a%', t NOT LIKE '%c', t LIKE 'a\_c', t LIKE 'a#%c' ESCAPE '#' FROM r ORDER BY id;
SELECT 'abc' LIKE 'abc', 'abc' LIKE 'a_c', 'abc' LIKE '_', 'ab' LIKE 'a%%b', 'a' LIKE '%', '' LIKE '%', '' LIKE '_';
SELECT 'h%llo' LIKE 'h\%llo', 'héllo' LIKE 'h_llo', 'HÉLLO' ILIKE 'h%o', 'abc' LIKE 'ABC', 'abc' ILIKE 'ABC', 'a' LIKE 'a' ESCAPE '';
SELECT 'abc' LIKE 'abc\';
SELECT 'abc' LIKE 'a' ESCAPE 'xy';
SELECT id, t ~ '^a', t ~* '^a', t !~ 'c$', t !~* 'B' FROM r ORDER BY id;
SELECT 'abc' ~ 'b', 'abc' ~ '^(a|x)b.$', 'foo123' ~ '\d+', 'a.c' ~ 'a\.c', 'abc' ~ '[[:alpha:]]+', 'AbC' ~* 'abc';
SELECT 'line1
line2' ~ 'line1.line2', 'foo bar' ~ '\mbar\M', 'foo' ~ 'foo\Z';
SELECT 'abc' ~ '(';
SELECT 'abc' ~ 'a{2,1}';
SELECT 1 ~ 'a';
SELECT 'abc' SIMILAR TO 'abc', 'abc' SIMILAR TO 'a', 'abc' SIMILAR TO '%(b|d)%', 'abc' SIMILAR TO '(a|b)*c', 'abc' NOT SIMILAR TO 'a%';
SELECT 'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c', 'a_c' SIMILAR TO 'a_c', 'a%' SIMILAR TO 'a#%' ESCAPE '#', 'ab' SIMILAR TO '[a-c]+', 'a$' SIMILAR TO 'a$';
SELECT id, t SIMILAR TO '%[bB]%' FROM r ORDER BY id;
SELECT regexp_replace('foobarbaz', 'b..', 'X'), regexp_replace('foobarbaz', 'b..', 'X', 'g'), regexp_replace('Thomas', '.[mN]a.', 'M');
SELECT regexp_replace('ABC abc', 'b', 'x', 'gi'), regexp_replace('abc', '(b)(c)', '[\2\1\&\\]'), regexp_replace('abc', 'x*', '-', 'g'), regexp_replace('', 'x*', '-');
SELECT regexp_replace('hello world', '(\w+) (\w+)', '\2 \1'), regexp_replace('aaa', 'a', 'b'), regexp_replace('héllo', 'é', 'e');
SELECT regexp_replace('abc', 'b', 'x', 'z');
SELECT regexp_match('foobarbequebaz', 'bar.*que'), regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_match('abc', 'x'), regexp_match('ABC', 'b', 'i');
SELECT regexp_match('abc', '(a)|(x)'), regexp_match('a1b22', '\d+'), (regexp_match('key=val', '(\w+)=(\w+)'))[2];
SELECT regexp_match('abc', 'b', 'g');
SELECT regexp_split_to_array('hello world  foo', '\s+'), regexp_split_to_array('a,b,,c', ','), regexp_split_to_array('abc', ''), regexp_split_to_array('', ',');
SELECT regexp_like('Hello', 'ell'), regexp_like('Hello', 'ELL'), regexp_like('Hello', 'ELL', 'i'), regexp_count('ababab', 'ab'), regexp_count('ababab', 'ab', 3), regexp_count('abc', 'x');
SELECT substring('foobar' from 'o.b'), substring('foobar' from 'o(.)b'), substring('foobar' from 'x'), substring('foobar', '^f(o+)');
SELECT substring('foobar' similar '%#"o_b#"%' escape '#'), substring('foobar' from '%#"o_b#"%' for '#'), substring('foobar' similar 'f%' escape '#'), substring('foobar' similar 'x%' escape '#');
SELECT id, regexp_replace(t, '[aeiou]', '*', 'g'), substring(t from '[a-z]+') FROM r ORDER BY id;
SELECT regexp_matches('foobarbequebazilbarfbonk', '(b[^b]+)(b[^b]+)', 'g');
SELECT regexp_matches('abcabc', 'b'), regexp_matches('ABC', 'b', 'i');
SELECT regexp_matches('abc', 'x');
SELECT * FROM regexp_split_to_table('hello world  foo', '\s+') AS w;
SELECT w, length(w) FROM regexp_split_to_table('a1b22c333', '\d+') AS w ORDER BY w;
SELECT regexp_split_to_table('a,b', ',', 'g');
