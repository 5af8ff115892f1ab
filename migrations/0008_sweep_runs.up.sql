-- What the retention sweep decides each candidate from (SPEC §5), in one set-based scan: their
-- opportunities (newest first), their processing and retention decisions (oldest first), when
-- the GDPR email went, and whether a legal hold is active. The decision itself is the domain's.
CREATE VIEW candidate_retention_facts AS
WITH opp AS (
    SELECT o.candidate_id,
           array_agg(p.location_country ORDER BY o.created_at DESC) AS posting_countries,
           array_agg(o.archived_at ORDER BY o.created_at DESC) AS archived,
           array_agg(o.hired ORDER BY o.created_at DESC) AS hired
      FROM opportunities o LEFT JOIN postings p ON p.id = o.posting_id
     GROUP BY o.candidate_id),
ev AS (
    SELECT candidate_id,
           array_agg(purpose ORDER BY at) AS purposes,
           array_agg(decision ORDER BY at) AS decisions,
           array_agg(at ORDER BY at) AS ats
      FROM consent_events WHERE purpose <> 'contact'
     GROUP BY candidate_id),
notice AS (
    SELECT candidate_id, min(created_at) AS sent_at
      FROM email_outbox WHERE kind = 'gdpr_notice' AND candidate_id IS NOT NULL
     GROUP BY candidate_id)
SELECT c.id, c.created_at, c.location_country, c.gdpr_country_override,
       coalesce(opp.posting_countries, '{}') AS posting_countries,
       coalesce(opp.archived, '{}') AS archived,
       coalesce(opp.hired, '{}') AS hired,
       coalesce(ev.purposes, '{}') AS purposes,
       coalesce(ev.decisions, '{}') AS decisions,
       coalesce(ev.ats, '{}') AS ats,
       notice.sent_at AS notice_sent_at,
       EXISTS (SELECT 1 FROM legal_holds h
                WHERE h.candidate_id = c.id AND h.lifted_at IS NULL) AS on_hold
  FROM candidates c
  LEFT JOIN opp ON opp.candidate_id = c.id
  LEFT JOIN ev ON ev.candidate_id = c.id
  LEFT JOIN notice ON notice.candidate_id = c.id
 WHERE c.anonymized_at IS NULL;

-- One row per retention sweep (SPEC §5): counts only, never a candidate id or anything personal,
-- so admins can see that the sweep runs and what it did.
CREATE TABLE sweep_runs (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trigger     text NOT NULL CHECK (trigger IN ('schedule', 'command')),
    dry_run     boolean NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL CHECK (finished_at >= started_at),
    examined    bigint NOT NULL CHECK (examined >= 0),
    -- Marked for deletion, by reason: {"consent_expired": 3, ...}
    marked      jsonb NOT NULL CHECK (jsonb_typeof(marked) = 'object'),
    waiting     bigint NOT NULL CHECK (waiting >= 0),
    held        bigint NOT NULL CHECK (held >= 0),
    due         bigint NOT NULL CHECK (due >= 0),
    anonymized  bigint NOT NULL CHECK (anonymized >= 0),
    skipped     bigint NOT NULL CHECK (skipped >= 0),
    retry_later bigint NOT NULL CHECK (retry_later >= 0),
    CHECK (NOT dry_run OR anonymized = 0)
);
CREATE INDEX sweep_runs_recent ON sweep_runs (started_at DESC);
