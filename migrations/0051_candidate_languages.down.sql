ALTER TABLE settings DROP COLUMN default_locale;
ALTER TABLE candidates DROP COLUMN page_locale;
