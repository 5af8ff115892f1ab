-- Team administration (SPEC §1, §7): colleagues are invited by email and choose their own
-- password through a one-time link; a forgotten password is reset the same way.

-- An invited colleague has no password until they follow their link.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN invited_by uuid REFERENCES users (id) ON DELETE SET NULL;

-- One-time links that set a password. Like sessions, the database keeps only the SHA-256 of the
-- random 256-bit token the email carries.
CREATE TABLE password_links (
    id_hash    bytea PRIMARY KEY CHECK (length(id_hash) = 32),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX password_links_user ON password_links (user_id) WHERE used_at IS NULL;

ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN (
    'owner_alert', 'candidate_confirmation', 'access_package', 'recruiter_message',
    'nurture', 'gdpr_notice', 'extension_notice', 'refusal_notice', 'fresh_link',
    'due_soon_alert', 'overdue_alert', 'overdue_escalation', 'admin_digest',
    'email_confirmation', 'team_invitation', 'password_reset'));
