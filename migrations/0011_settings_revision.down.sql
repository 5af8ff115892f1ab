DROP TRIGGER country_policies_revision ON country_policies;
DROP FUNCTION touch_settings_revision();
DROP TRIGGER settings_revision ON settings;
DROP FUNCTION next_settings_revision();
ALTER TABLE settings DROP COLUMN revision;
