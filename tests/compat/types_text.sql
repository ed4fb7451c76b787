-- text: quoting, empty strings vs NULL, unicode, long values, embedded quotes.
CREATE TABLE texts (id integer PRIMARY KEY, t text);
INSERT INTO texts VALUES
  (1, 'hello'),
  (2, ''),
  (3, NULL),
  (4, 'it''s quoted'),
  (5, 'héllo wörld'),
  (6, '日本語テキスト'),
  (7, 'emoji 🎉 party'),
  (8, '  leading and trailing spaces  '),
  (9, 'a|b|c'),
  (10, 'tab	inside'),
  (11, 'Ünïcödé ÀÉÎÕÜ');
SELECT * FROM texts ORDER BY id;
SELECT id, t FROM texts WHERE t = '' ORDER BY id;
SELECT id FROM texts WHERE t IS NULL;
SELECT 'abc' || 'def' AS concat, 'x' || NULL AS concat_null, 'über' || '日本' AS concat_unicode;
SELECT 'single ''quote''' AS q, 'back\slash' AS b, 'tab	end' AS tab;
SELECT t FROM texts WHERE id > 4 ORDER BY t;
SELECT 'b' < 'a' AS lt, 'abc' < 'abd' AS lt2, 'Z' < 'a' AS upper_first, 'é' > 'z' AS bytes, '' < 'a' AS empty_first;
