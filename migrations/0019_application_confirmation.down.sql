DELETE FROM email_templates WHERE key = 'application_confirmation';
ALTER TABLE settings DROP COLUMN application_confirmation;
