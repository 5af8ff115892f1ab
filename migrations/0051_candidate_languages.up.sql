-- The candidate's language (issue 27): the one they pick on their page beats the stored one
-- (`candidates.locale`, from the application form, the API or an import); without either the
-- browser's, then the organization's default.
ALTER TABLE candidates ADD COLUMN page_locale text
    CHECK (page_locale IN ('en', 'de', 'fr', 'es', 'it', 'nl'));
ALTER TABLE settings ADD COLUMN default_locale text NOT NULL DEFAULT 'en'
    CHECK (default_locale IN ('en', 'de', 'fr', 'es', 'it', 'nl'));
