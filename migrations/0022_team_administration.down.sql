DELETE FROM email_outbox WHERE kind IN ('team_invitation', 'password_reset');
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN (
    'owner_alert', 'candidate_confirmation', 'access_package', 'recruiter_message',
    'nurture', 'gdpr_notice', 'extension_notice', 'refusal_notice', 'fresh_link',
    'due_soon_alert', 'overdue_alert', 'overdue_escalation', 'admin_digest',
    'email_confirmation'));
DROP TABLE password_links;
ALTER TABLE users DROP COLUMN invited_by;
-- Colleagues who never chose a password can't be kept without one.
DELETE FROM users WHERE password_hash IS NULL;
ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
