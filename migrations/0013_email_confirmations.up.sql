-- A corrected email address is not trusted on the candidate's word alone: it waits here, and
-- Candor writes to it only once the candidate follows the confirmation link sent to it.
CREATE TABLE email_confirmations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id    uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    data_request_id uuid REFERENCES data_requests (id),
    email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    requested_by    uuid REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    confirmed_at    timestamptz
);
CREATE UNIQUE INDEX email_confirmations_pending
    ON email_confirmations (candidate_id, lower(email)) WHERE confirmed_at IS NULL;

ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN (
    'owner_alert', 'candidate_confirmation', 'access_package', 'recruiter_message',
    'nurture', 'gdpr_notice', 'extension_notice', 'refusal_notice', 'fresh_link',
    'due_soon_alert', 'overdue_alert', 'overdue_escalation', 'admin_digest',
    'email_confirmation'));
