-- The integration API writes (SPEC §11): the other system's own ids to upsert by, the
-- candidate's language, opportunities that arrive from that system, writes audited with the
-- key that made them, and the answers kept for Idempotency-Key replays.

-- The ATS's id for the record. Kept after anonymization: it is that system's key, not the
-- person's data, and the anonymized webhook names it. The unique indexes on the two large tables
-- are built concurrently in the next migration.
ALTER TABLE candidates
    ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 200),
    ADD COLUMN locale text CHECK (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$');
ALTER TABLE opportunities
    ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 200);
ALTER TABLE postings
    ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX postings_external_id ON postings (external_id);

ALTER TABLE opportunities DROP CONSTRAINT opportunities_origin_check,
    ADD CONSTRAINT opportunities_origin_check
        CHECK (origin IN ('applied', 'sourced', 'referred', 'added_manually', 'imported'));

-- A write through the API: the key, and the colleague it acted for.
ALTER TABLE audit_log
    ADD COLUMN actor_api_key_id uuid REFERENCES api_keys (id),
    DROP CONSTRAINT audit_log_actor_kind_check,
    ADD CONSTRAINT audit_log_actor_kind_check CHECK (actor_kind IN ('user', 'candidate', 'system', 'api_key')),
    DROP CONSTRAINT audit_log_check,
    ADD CONSTRAINT audit_log_actor_check CHECK (
        CASE actor_kind
            WHEN 'user' THEN actor_user_id IS NOT NULL AND actor_api_key_id IS NULL
            WHEN 'api_key' THEN actor_user_id IS NOT NULL AND actor_api_key_id IS NOT NULL
            ELSE actor_user_id IS NULL AND actor_api_key_id IS NULL
        END);

-- The first answer to a POST with an Idempotency-Key, per key, for a day. `request_hash` is a
-- keyed hash of the method, path and body (so a different body under the same key is told
-- apart without keeping it); `status` is null while the first call is still running. The
-- answers hold ids and states only, never personal data.
CREATE TABLE api_idempotency (
    key_id          uuid NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_hash    bytea NOT NULL CHECK (length(request_hash) = 32),
    status          smallint CHECK (status BETWEEN 100 AND 599),
    body            jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (key_id, idempotency_key)
);
CREATE INDEX api_idempotency_age ON api_idempotency (created_at);
