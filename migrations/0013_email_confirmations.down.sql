DELETE FROM email_outbox WHERE kind = 'email_confirmation';
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN (
    'owner_alert', 'candidate_confirmation', 'access_package', 'recruiter_message',
    'nurture', 'gdpr_notice', 'extension_notice', 'refusal_notice', 'fresh_link',
    'due_soon_alert', 'overdue_alert', 'overdue_escalation', 'admin_digest'));
DROP TABLE email_confirmations;
