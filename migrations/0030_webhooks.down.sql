DELETE FROM email_outbox WHERE kind IN ('webhook_failing', 'webhook_disabled');
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN (
    'owner_alert', 'candidate_confirmation', 'access_package', 'recruiter_message',
    'nurture', 'gdpr_notice', 'extension_notice', 'refusal_notice', 'fresh_link',
    'due_soon_alert', 'overdue_alert', 'overdue_escalation', 'admin_digest',
    'email_confirmation', 'team_invitation', 'password_reset'));
DROP TABLE webhook_deliveries;
DROP TABLE webhook_events;
DROP TABLE webhook_secret_reveals;
DROP TABLE webhook_endpoints;
