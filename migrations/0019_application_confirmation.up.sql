-- Applicants get their preferences link as part of applying (Lever: "as part of their application
-- process"): a confirmation email, on by default, from a template the Super Admin can edit.
ALTER TABLE settings ADD COLUMN application_confirmation boolean NOT NULL DEFAULT true;
INSERT INTO email_templates (key, name, subject, body_text)
VALUES ('application_confirmation', 'Application received',
        'We received your application to {{ organization }}',
        E'Hello {{ candidate_first_name }},\n\nThank you for applying to {{ organization }}. We will be in touch about your application.\n\nYou can see and change what we do with your data at any time, ask for a copy, a correction or its removal, here:\n{{ consent_link }}\n\nKind regards,\n{{ organization }}')
ON CONFLICT (key) DO NOTHING;
