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
