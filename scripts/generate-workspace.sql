-- The rest of a large organization for the workspace benchmark (issue 26), on top of
-- scripts/generate-candidates.sql:
--   psql "$DATABASE_URL" -v candidates=1000000 -f scripts/generate-candidates.sql
--   psql "$DATABASE_URL" -f scripts/generate-workspace.sql
-- Adds 1–2 addresses per candidate, owners and a Limited Team Member, consent histories (about 3M
-- events in all), 300k data requests in every state over five years, 1M notes and 1M outbox rows,
-- and two candidates with long histories: "Heavy Profile" (50 opportunities, 500 notes, 200
-- consent events) and "Long History" (10,000 consent events, 1,000 closed requests). Same seed,
-- same data (the ids differ; everything chosen by position does not).
\set ON_ERROR_STOP on
SELECT setseed(0.26);

CREATE TEMP TABLE bench_people AS
SELECT row_number() OVER (ORDER BY created_at, name) AS n, id, created_at FROM candidates;
CREATE UNIQUE INDEX ON bench_people (n);
-- Requests, notes and outbox rows scale with the organization (300k, 1M and 1M at a million).
SELECT count(*) AS people, count(*) * 3 / 10 AS requests, count(*) * 3 / 500 AS open_requests
  FROM bench_people \gset

-- Row by row, the triggers would rewrite a candidate for each of the millions of rows below;
-- they are off for the load and their result computed once at the end.
ALTER TABLE opportunities DISABLE TRIGGER USER;
ALTER TABLE data_requests DISABLE TRIGGER USER;
ALTER TABLE candidate_emails DISABLE TRIGGER candidate_emails_search;

-- Recruiters own the opportunities round-robin; one Limited Team Member owns one in 2,000.
INSERT INTO users (email, name, role, password_hash)
SELECT 'recruiter' || i || '@team.example', 'Recruiter ' || i, 'team_member',
       '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA'
  FROM generate_series(1, 20) AS i;
INSERT INTO users (email, name, role, password_hash)
VALUES ('bench.limited@team.example', 'Bench Limited', 'limited_team_member',
        '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA');
CREATE TEMP TABLE bench_owners AS
SELECT row_number() OVER (ORDER BY email) - 1 AS k, id FROM users WHERE role = 'team_member';
UPDATE opportunities o
   SET owner_id = CASE WHEN abs(hashtext(o.id::text)) % 2000 = 0
                       THEN (SELECT id FROM users WHERE email = 'bench.limited@team.example')
                       ELSE (SELECT id FROM bench_owners WHERE k = abs(hashtext(o.id::text)) % 20) END;

-- Addresses: one each, a second for two in five.
INSERT INTO candidate_emails (candidate_id, email, is_primary, created_at)
SELECT id, 'candidate' || n || '@' || (ARRAY['mail.example', 'post.example', 'inbox.example'])[1 + n % 3],
       true, created_at
  FROM bench_people;
INSERT INTO candidate_emails (candidate_id, email, is_primary, created_at)
SELECT id, 'c' || n || '.work@' || (ARRAY['corp.example', 'firm.example'])[1 + n % 2], false,
       created_at + interval '30 days'
  FROM bench_people
 WHERE n % 5 IN (1, 3);

-- Consent histories: two in five candidates changed their minds twice on both purposes.
INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, text_version, at)
SELECT p.id, purpose, 'consent', decision, 'preferences_page', 'v1',
       p.created_at + make_interval(days => step * 90)
  FROM bench_people p
 CROSS JOIN (VALUES ('processing'), ('retention')) AS purposes(purpose)
 CROSS JOIN (VALUES (1, 'denied'), (2, 'given')) AS steps(step, decision)
 WHERE p.n % 5 IN (0, 2);

-- Requests over five years, one candidate each: resolved, refused, withdrawn, and the last
-- few weeks' still open (some extended, a few overdue).
INSERT INTO data_requests (candidate_id, kind, received_at, due_at, extended_until,
                           extension_reason, status, resolved_at, resolution, refusal_reason,
                           idempotency_key, created_at, updated_at)
SELECT p.id, kind, received, received + interval '30 days',
       CASE WHEN status = 'open' AND r.i % 10 = 0 THEN received + interval '90 days' END,
       CASE WHEN status = 'open' AND r.i % 10 = 0 THEN 'Complex request' END,
       status,
       CASE WHEN status <> 'open' THEN received + interval '12 days' END,
       CASE status WHEN 'open' THEN NULL WHEN 'refused' THEN 'refused' WHEN 'withdrawn' THEN 'withdrawn'
            ELSE (ARRAY['data_sent', 'updated', 'anonymized'])[1 + r.i % 3] END,
       CASE WHEN status = 'refused' THEN 'Manifestly unfounded' END,
       'bench-request-' || r.i, received,
       CASE WHEN status <> 'open' THEN received + interval '12 days' ELSE received END
  FROM (SELECT i,
               (ARRAY['access', 'rectification', 'erasure'])[1 + i % 3] AS kind,
               CASE WHEN i <= :open_requests THEN 'open' WHEN i % 20 = 0 THEN 'refused'
                    WHEN i % 20 = 1 THEN 'withdrawn' ELSE 'resolved' END AS status,
               CASE WHEN i <= :open_requests THEN now() - make_interval(mins => i * 10)
                    ELSE now() - interval '40 days' - make_interval(mins => (random() * 1825 * 1440)::int) END
                 AS received
          FROM generate_series(1, :requests) AS i) r
  JOIN bench_people p ON p.n = 1 + (r.i::bigint * 7919) % :people;

-- Notes, one per candidate on average, by the recruiters.
INSERT INTO notes (candidate_id, author_id, body, created_at, updated_at)
SELECT p.id, (SELECT id FROM bench_owners WHERE k = i % 20),
       'Spoke about the role; follow up in spring. Note ' || i,
       p.created_at + make_interval(days => i % 300), p.created_at + make_interval(days => i % 300)
  FROM generate_series(1, :people) AS i
  JOIN bench_people p ON p.n = 1 + (i::bigint * 104729) % :people;

-- Outbox rows, one per candidate on average, all sent, over the five years.
INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, candidate_id, status,
                          sent_at, created_at, message_id)
SELECT (ARRAY['candidate_confirmation', 'nurture', 'recruiter_message', 'gdpr_notice'])[1 + i % 4],
       'candidate' || p.n || '@mail.example', 'About your application', 'Text', '<p>Text</p>', p.id,
       'sent', p.created_at + make_interval(hours => 1 + i % 5000),
       p.created_at + make_interval(hours => 1 + i % 5000), '<bench-outbox-' || i || '@example.com>'
  FROM generate_series(1, :people) AS i
  JOIN bench_people p ON p.n = 1 + (i::bigint * 15485863) % :people;

-- The two long histories.
INSERT INTO candidates (name, location_country, created_at)
VALUES ('Heavy Profile', 'DE', now() - interval '4 years'),
       ('Long History', 'FR', now() - interval '4 years');
INSERT INTO candidate_emails (candidate_id, email, is_primary)
SELECT id, lower(replace(name, ' ', '.')) || '@bench.example', true
  FROM candidates WHERE name IN ('Heavy Profile', 'Long History');
INSERT INTO opportunities (candidate_id, posting_id, owner_id, origin, created_at, archived_at)
SELECT c.id, (SELECT id FROM postings ORDER BY title LIMIT 1 OFFSET k % 200),
       (SELECT id FROM bench_owners WHERE k = 0), 'applied',
       c.created_at + make_interval(days => k * 20),
       CASE WHEN k < 49 THEN c.created_at + make_interval(days => k * 20 + 10) END
  FROM candidates c CROSS JOIN generate_series(0, 49) AS k
 WHERE c.name = 'Heavy Profile';
INSERT INTO notes (candidate_id, author_id, body, created_at, updated_at)
SELECT c.id, (SELECT id FROM bench_owners WHERE k = i % 20), 'Heavy note ' || i,
       c.created_at + make_interval(hours => i), c.created_at + make_interval(hours => i)
  FROM candidates c CROSS JOIN generate_series(1, 500) AS i
 WHERE c.name = 'Heavy Profile';
INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, text_version, at)
SELECT c.id, (ARRAY['processing', 'retention'])[1 + i % 2], 'consent',
       CASE WHEN (i / 2) % 2 = 0 THEN 'given' ELSE 'denied' END, 'preferences_page', 'v1',
       c.created_at + make_interval(mins => i)
  FROM candidates c
 CROSS JOIN LATERAL generate_series(1, CASE c.name WHEN 'Heavy Profile' THEN 200 ELSE 10000 END) AS i
 WHERE c.name IN ('Heavy Profile', 'Long History');
INSERT INTO data_requests (candidate_id, kind, received_at, due_at, status, resolved_at, resolution,
                           idempotency_key, created_at, updated_at)
SELECT c.id, 'access', c.created_at + make_interval(hours => i), c.created_at + make_interval(hours => i, days => 30),
       'resolved', c.created_at + make_interval(hours => i + 1), 'data_sent',
       'bench-history-' || i, c.created_at + make_interval(hours => i),
       c.created_at + make_interval(hours => i + 1)
  FROM candidates c CROSS JOIN generate_series(1, 1000) AS i
 WHERE c.name = 'Long History';

-- An opportunity last changed when it was archived, else when it was created (the insert above
-- stamped the time of the load).
UPDATE opportunities SET updated_at = coalesce(archived_at, created_at);

ALTER TABLE opportunities ENABLE TRIGGER USER;
ALTER TABLE candidate_emails ENABLE TRIGGER candidate_emails_search;
SELECT recompute_candidate_activity();
ALTER TABLE candidates DISABLE TRIGGER candidates_request_owner;
SELECT recompute_candidate_owners();
ALTER TABLE candidates ENABLE TRIGGER candidates_request_owner;
SELECT recompute_request_owners();
SELECT recompute_request_tallies();
-- Open requests get the alert check's first look, as the migration gives existing ones.
UPDATE data_requests SET next_alert_at = now() WHERE status = 'open';
ALTER TABLE data_requests ENABLE TRIGGER USER;

DROP TABLE bench_people;
DROP TABLE bench_owners;
ANALYZE;
