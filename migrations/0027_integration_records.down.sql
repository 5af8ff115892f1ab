DROP TABLE api_idempotency;
-- Rolling back keeps the history: the API's rows become the colleague's, as before keys existed.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log SET actor_kind = 'user' WHERE actor_kind = 'api_key';
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log
    DROP CONSTRAINT audit_log_actor_check,
    DROP CONSTRAINT audit_log_actor_kind_check,
    ADD CONSTRAINT audit_log_actor_kind_check CHECK (actor_kind IN ('user', 'candidate', 'system')),
    DROP COLUMN actor_api_key_id,
    ADD CONSTRAINT audit_log_check CHECK ((actor_kind = 'user') = (actor_user_id IS NOT NULL));
UPDATE opportunities SET origin = 'added_manually' WHERE origin = 'imported';
ALTER TABLE opportunities DROP CONSTRAINT opportunities_origin_check,
    ADD CONSTRAINT opportunities_origin_check
        CHECK (origin IN ('applied', 'sourced', 'referred', 'added_manually'));
DROP INDEX postings_external_id;
ALTER TABLE postings DROP COLUMN external_id;
ALTER TABLE opportunities DROP COLUMN external_id;
ALTER TABLE candidates DROP COLUMN locale, DROP COLUMN external_id;
