-- A large organization for the retention sweep's benchmark, in plain SQL:
--   psql "$DATABASE_URL" -v candidates=1000000 -f scripts/generate-candidates.sql
-- Needs a migrated, otherwise empty database. Three opportunities per candidate; a mix of consent
-- stories, archives, hires and holds so that every branch of the deletion rule is taken. The same
-- random seed gives the same data on every run.
\set ON_ERROR_STOP on
SELECT setseed(0.42);

UPDATE settings SET compliance_mode = 'gdpr', gdpr_scope = 'eu_and_unknown',
       processing_basis = 'explicit_consent', retention_basis = 'explicit_consent',
       retention_days = 365, consent_validity_days = 730, consent_answer_window_days = 30,
       anonymization_grace_days = 30;

INSERT INTO users (email, name, role, password_hash)
VALUES ('bench.admin@team.example', 'Bench Admin', 'admin',
        '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA');

-- 200 postings across a few countries (a quarter without one).
INSERT INTO postings (title, location_country)
SELECT 'Role ' || i, (ARRAY['DE', 'FR', 'US', 'GB', NULL, 'IE', 'BR', NULL])[1 + i % 8]
  FROM generate_series(1, 200) AS i;

CREATE TEMP TABLE bench_postings AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM postings;

-- Candidates added over the last five years; a fifth with no known country.
INSERT INTO candidates (name, location_country, created_at)
SELECT 'Bench Candidate ' || i,
       (ARRAY['DE', 'FR', 'US', 'GB', NULL, 'NL', 'ES', 'IN', 'CA', NULL])[1 + i % 10],
       now() - make_interval(days => (random() * 1825)::int)
  FROM generate_series(1, :candidates) AS i;

-- Three opportunities each: most archived at some point, about one in twenty hired. The trigger
-- that keeps each candidate's last activity is off for the load and its result computed once.
ALTER TABLE opportunities DISABLE TRIGGER opportunities_candidate_activity;
INSERT INTO opportunities (candidate_id, posting_id, origin, created_at, archived_at, hired)
SELECT c.id, p.id, 'applied',
       c.created_at + make_interval(days => k * 10),
       CASE WHEN random() < 0.8
            THEN least(now(), c.created_at + make_interval(days => k * 10 + (random() * 400)::int)) END,
       random() < 0.02
  FROM candidates c CROSS JOIN generate_series(1, 3) AS k
  JOIN bench_postings p ON p.n = 1 + abs(hashtext(c.id::text || k)) % 200;

ALTER TABLE opportunities ENABLE TRIGGER opportunities_candidate_activity;
SELECT recompute_candidate_activity();

-- Consent: 60% answered both questions (mostly given, some refused), 10% given long ago and now
-- expired, the rest never asked or asked by the GDPR email and silent.
CREATE TEMP TABLE bench_story AS
SELECT id, created_at, random() AS r FROM candidates;

INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, text_version, at)
SELECT s.id, p.purpose, 'consent',
       CASE WHEN s.r < 0.5 THEN 'given' WHEN s.r < 0.6 THEN 'denied' ELSE 'given' END,
       'job_post', 'v1',
       CASE WHEN s.r < 0.6 THEN s.created_at + interval '1 day'
            ELSE now() - interval '800 days' END
  FROM bench_story s CROSS JOIN (VALUES ('processing'), ('retention')) AS p(purpose)
 WHERE s.r < 0.7;

INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, candidate_id, status,
                          sent_at, created_at, message_id)
SELECT 'gdpr_notice', 'candidate@example.com', 'Your data', 'Text', '<p>Text</p>', s.id, 'sent',
       s.created_at + interval '1 hour', s.created_at + interval '1 hour',
       '<bench-' || s.id || '@example.com>'
  FROM bench_story s
 WHERE s.r >= 0.7 AND s.r < 0.85;

-- A few candidates on legal hold.
INSERT INTO legal_holds (candidate_id, reason, placed_by)
SELECT s.id, 'Benchmark hold', (SELECT id FROM users LIMIT 1)
  FROM bench_story s
 WHERE s.r < 0.001;

DROP TABLE bench_story;
DROP TABLE bench_postings;
ANALYZE;
