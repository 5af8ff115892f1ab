-- What candidates decided and asked, and the proof of what the team did about it.

-- Append-only: every consent decision is a new row; the current status is the latest row.
CREATE TABLE consent_events (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id uuid NOT NULL REFERENCES candidates (id),
    purpose      text NOT NULL CHECK (purpose IN ('processing', 'retention', 'contact')),
    basis        text NOT NULL CHECK (basis IN ('consent', 'legitimate_interest', 'contract')),
    decision     text NOT NULL CHECK (decision IN ('given', 'denied', 'revoked', 'restored', 'expired')),
    source       text NOT NULL CHECK (source IN ('preferences_page', 'job_post', 'email_one_click', 'recruiter_manual', 'import', 'system')),
    -- Who recorded a decision received outside Candor, and their note of the written evidence.
    recorded_by  uuid REFERENCES users (id),
    note         text,
    text_version text,
    at           timestamptz NOT NULL DEFAULT now(),
    CHECK (source <> 'recruiter_manual' OR (recorded_by IS NOT NULL AND coalesce(btrim(note), '') <> ''))
);
CREATE INDEX consent_events_latest ON consent_events (candidate_id, purpose, at DESC);

CREATE TABLE data_requests (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id     uuid NOT NULL REFERENCES candidates (id),
    kind             text NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure', 'restriction', 'objection')),
    -- The candidate's own words (rectification note) and corrected values; removed on anonymization.
    details          text,
    corrections      jsonb,
    received_at      timestamptz NOT NULL DEFAULT now(),
    due_at           timestamptz NOT NULL,
    extended_until   timestamptz,
    extension_reason text,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'refused', 'withdrawn')),
    resolved_at      timestamptz,
    resolved_by      uuid REFERENCES users (id),
    resolution       text CHECK (resolution IN ('data_sent', 'updated', 'anonymized', 'refused', 'withdrawn')),
    refusal_reason   text,
    -- A double or replayed submit carries the same key and makes one request.
    idempotency_key  text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 200),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (due_at > received_at),
    CHECK (extended_until IS NULL OR (extended_until > due_at AND coalesce(btrim(extension_reason), '') <> '')),
    CHECK ((status = 'open') = (resolved_at IS NULL)),
    CHECK ((status = 'open') = (resolution IS NULL)),
    CHECK (status <> 'refused' OR (resolution = 'refused' AND coalesce(btrim(refusal_reason), '') <> ''))
);
CREATE INDEX data_requests_open_by_due ON data_requests (coalesce(extended_until, due_at)) WHERE status = 'open';
CREATE INDEX data_requests_candidate ON data_requests (candidate_id, received_at DESC);
CREATE INDEX data_requests_received ON data_requests (received_at);
CREATE TRIGGER data_requests_updated_at BEFORE UPDATE ON data_requests FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- In-app notifications hold ids only and are rendered at read time, so no name outlives anonymization.
CREATE TABLE notifications (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('data_request', 'request_due_soon', 'request_overdue', 'request_escalated')),
    data_request_id uuid REFERENCES data_requests (id),
    candidate_id    uuid REFERENCES candidates (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    read_at         timestamptz
);
CREATE INDEX notifications_inbox ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE legal_holds (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id uuid NOT NULL REFERENCES candidates (id),
    reason       text NOT NULL CHECK (btrim(reason) <> ''),
    placed_by    uuid NOT NULL REFERENCES users (id),
    placed_at    timestamptz NOT NULL DEFAULT now(),
    lifted_by    uuid REFERENCES users (id),
    lifted_at    timestamptz,
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE UNIQUE INDEX legal_holds_one_active ON legal_holds (candidate_id) WHERE lifted_at IS NULL;

-- An anonymized candidate's emails survive only as HMAC-SHA256 under a server key, with the contact
-- status they had, so a returning person's do-not-contact decision resurfaces.
CREATE TABLE anonymized_contacts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email_hmac     bytea NOT NULL CHECK (length(email_hmac) = 32),
    contact_status text NOT NULL CHECK (contact_status IN ('allowed', 'do_not_contact')),
    decided_at     timestamptz NOT NULL,
    anonymized_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX anonymized_contacts_by_hmac ON anonymized_contacts (email_hmac, decided_at DESC);

-- Append-only proof of who did what. Ids and codes only: never names, emails, phones or free text.
CREATE TABLE audit_log (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    at              timestamptz NOT NULL DEFAULT now(),
    actor_kind      text NOT NULL CHECK (actor_kind IN ('user', 'candidate', 'system')),
    actor_user_id   uuid REFERENCES users (id),
    action          text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]*$'),
    candidate_id    uuid REFERENCES candidates (id),
    data_request_id uuid REFERENCES data_requests (id),
    details         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
    CHECK ((actor_kind = 'user') = (actor_user_id IS NOT NULL))
);
CREATE INDEX audit_log_candidate ON audit_log (candidate_id, at);
CREATE INDEX audit_log_request ON audit_log (data_request_id, at);

-- The append-only guards. The one exception is anonymization (SPEC §6): inside a transaction that
-- ran `SET LOCAL candor.anonymizing = 'on'`, a consent event's free-text note may be replaced by
-- '[removed]'; nothing else about any history row ever changes.
CREATE FUNCTION reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END $$;

CREATE FUNCTION guard_consent_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('candor.anonymizing', true) = 'on' THEN
        IF NEW.note = '[removed]'
           AND (NEW.id, NEW.candidate_id, NEW.purpose, NEW.basis, NEW.decision, NEW.source,
                NEW.recorded_by, NEW.text_version, NEW.at)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.candidate_id, OLD.purpose, OLD.basis, OLD.decision, OLD.source,
                OLD.recorded_by, OLD.text_version, OLD.at)
        THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'consent_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION guard_consent_events();
CREATE TRIGGER consent_events_no_truncate BEFORE TRUNCATE ON consent_events
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
