DROP TABLE email_template_versions;
