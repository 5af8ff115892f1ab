-- Every stored address in its one canonical form (domain::EmailAddress): bare, trimmed and
-- lower-cased, so matching, uniqueness and do-not-contact compare like with like.
CREATE FUNCTION pg_temp.canonical_email(raw text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT lower(btrim(regexp_replace(btrim(raw), '^<(.*)>$', '\1'))) $$;

-- A record holding one address in two spellings keeps one row: the primary, else the oldest.
DELETE FROM candidate_emails
 WHERE id IN (SELECT id FROM (
          SELECT id, row_number() OVER (PARTITION BY candidate_id, pg_temp.canonical_email(email)
                                        ORDER BY is_primary DESC, created_at, id) AS n
            FROM candidate_emails) spellings
         WHERE n > 1);
UPDATE candidate_emails SET email = pg_temp.canonical_email(email)
 WHERE email <> pg_temp.canonical_email(email);

UPDATE users u SET email = pg_temp.canonical_email(u.email)
 WHERE u.email <> pg_temp.canonical_email(u.email)
   AND NOT EXISTS (SELECT 1 FROM users o
                    WHERE o.id <> u.id AND lower(o.email) = pg_temp.canonical_email(u.email));

UPDATE email_confirmations SET email = pg_temp.canonical_email(email)
 WHERE email <> pg_temp.canonical_email(email);

DROP FUNCTION pg_temp.canonical_email(text);
