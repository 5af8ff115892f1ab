-- Webhooks (SPEC §11): endpoints a Super Admin registers, the events Candor tells them of, and one
-- delivery per event and endpoint, written in the same transaction as the event (the outbox).

CREATE TABLE webhook_endpoints (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    url                 text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    events              text[] NOT NULL CHECK (cardinality(events) > 0),
    -- The signing secret must be held to sign; it is shown once and never displayed again.
    secret              bytea NOT NULL CHECK (length(secret) = 32),
    -- After a rotation the old secret signs too, until `previous_until`.
    previous_secret     bytea CHECK (length(previous_secret) = 32),
    previous_until      timestamptz,
    hint                text NOT NULL CHECK (length(hint) <= 20),
    enabled             boolean NOT NULL DEFAULT true,
    -- Why it was turned off by Candor (not by an admin): 'failing'.
    disabled_reason     text CHECK (disabled_reason IN ('failing')),
    -- The first failure since the last success; cleared by a success.
    failing_since       timestamptz,
    last_success_at     timestamptz,
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((previous_secret IS NULL) = (previous_until IS NULL))
);

-- One showing of a new or rotated secret to the session that asked, sealed with its token
-- (as api_key_reveals).
CREATE TABLE webhook_secret_reveals (
    endpoint_id  uuid PRIMARY KEY REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    session_hash bytea NOT NULL CHECK (length(session_hash) = 32),
    sealed       bytea NOT NULL CHECK (length(sealed) = 32),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX webhook_secret_reveals_session ON webhook_secret_reveals (session_hash);

-- What happened, ids, kinds, states and times only. `dedupe_key` makes an event that a periodic
-- check finds again (a request overdue, a candidate marked for deletion) a single event.
CREATE TABLE webhook_events (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type        text NOT NULL CHECK (length(type) <= 100),
    payload     jsonb NOT NULL,
    dedupe_key  text UNIQUE CHECK (length(dedupe_key) <= 300),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id        uuid NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    endpoint_id     uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    last_attempt_at timestamptz,
    -- The receiver's HTTP status of the last attempt, or NULL when none came back.
    last_status     integer,
    -- What went wrong, in our words (timeout, refused address, status): never the response body.
    last_error      text CHECK (length(last_error) <= 500),
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_stale ON webhook_deliveries (claimed_at) WHERE status = 'sending';
CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (endpoint_id, created_at DESC);

ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN (
    'owner_alert', 'candidate_confirmation', 'access_package', 'recruiter_message',
    'nurture', 'gdpr_notice', 'extension_notice', 'refusal_notice', 'fresh_link',
    'due_soon_alert', 'overdue_alert', 'overdue_escalation', 'admin_digest',
    'email_confirmation', 'team_invitation', 'password_reset',
    'webhook_failing', 'webhook_disabled'));
