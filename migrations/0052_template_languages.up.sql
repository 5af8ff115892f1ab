-- An editable template's version in another language (issue 27). The template's own row is the
-- organization's default-language version; a candidate whose language has a version here gets
-- it, anyone else the default.
CREATE TABLE email_template_versions (
    template_id uuid NOT NULL REFERENCES email_templates (id) ON DELETE CASCADE,
    locale      text NOT NULL CHECK (locale IN ('en', 'de', 'fr', 'es', 'it', 'nl')),
    subject     text NOT NULL CHECK (btrim(subject) <> ''),
    body_text   text NOT NULL,
    updated_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (template_id, locale)
);
CREATE TRIGGER email_template_versions_updated_at BEFORE UPDATE ON email_template_versions
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
