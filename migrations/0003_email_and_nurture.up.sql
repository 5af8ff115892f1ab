-- Every email Candor sends, and the scheduled nurture sends that feed it.

CREATE TABLE email_templates (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key        text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]*$'),
    name       text NOT NULL CHECK (btrim(name) <> ''),
    subject    text NOT NULL CHECK (btrim(subject) <> ''),
    body_text  text NOT NULL,
    updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER email_templates_updated_at BEFORE UPDATE ON email_templates FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The transactional outbox: written in the same transaction as the change that causes the email,
-- delivered by workers that claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE email_outbox (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind            text NOT NULL CHECK (kind IN (
                        'owner_alert', 'candidate_confirmation', 'access_package', 'recruiter_message',
                        'nurture', 'gdpr_notice', 'extension_notice', 'refusal_notice', 'fresh_link',
                        'due_soon_alert', 'overdue_alert', 'overdue_escalation', 'admin_digest')),
    recipient       text NOT NULL,
    subject         text NOT NULL,
    body_text       text NOT NULL,
    body_html       text NOT NULL,
    headers         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(headers) = 'object'),
    candidate_id    uuid REFERENCES candidates (id),
    data_request_id uuid REFERENCES data_requests (id),
    -- Some emails must go once only (an alert per request and day); they carry a key.
    dedupe_key      text UNIQUE,
    send_after      timestamptz NOT NULL DEFAULT now(),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    last_error      text,
    message_id      text NOT NULL UNIQUE,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CHECK (status <> 'sending' OR claimed_at IS NOT NULL)
);
-- Claimable rows: pending and due (both their delay and their retry time).
CREATE INDEX email_outbox_claimable ON email_outbox (greatest(send_after, next_attempt_at)) WHERE status = 'pending';
-- Rows a crashed worker left in `sending`, to reclaim.
CREATE INDEX email_outbox_stuck ON email_outbox (claimed_at) WHERE status = 'sending';
CREATE INDEX email_outbox_candidate ON email_outbox (candidate_id);
CREATE TRIGGER email_outbox_updated_at BEFORE UPDATE ON email_outbox FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE nurture_campaigns (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL CHECK (btrim(name) <> ''),
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE nurture_enrollments (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id  uuid NOT NULL REFERENCES nurture_campaigns (id) ON DELETE CASCADE,
    candidate_id uuid NOT NULL REFERENCES candidates (id),
    enrolled_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, candidate_id)
);
CREATE INDEX nurture_enrollments_candidate ON nurture_enrollments (candidate_id);

CREATE TABLE nurture_touchpoints (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    enrollment_id uuid NOT NULL REFERENCES nurture_enrollments (id) ON DELETE CASCADE,
    template_id   uuid NOT NULL REFERENCES email_templates (id),
    send_at       timestamptz NOT NULL,
    status        text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'sent', 'cancelled')),
    outbox_id     uuid REFERENCES email_outbox (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'sent' OR outbox_id IS NOT NULL)
);
CREATE INDEX nurture_touchpoints_due ON nurture_touchpoints (send_at) WHERE status = 'scheduled';
CREATE INDEX nurture_touchpoints_enrollment ON nurture_touchpoints (enrollment_id);
CREATE TRIGGER nurture_touchpoints_updated_at BEFORE UPDATE ON nurture_touchpoints FOR EACH ROW EXECUTE FUNCTION set_updated_at();
