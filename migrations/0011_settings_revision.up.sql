-- One number that changes with every change to the rules a page is built from (the settings row
-- and the country policies), so that each server can keep them in memory and a query need only
-- return this number to tell whether its copy is still current, whichever server saved.
ALTER TABLE settings ADD COLUMN revision bigint NOT NULL DEFAULT 1;

CREATE FUNCTION next_settings_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := OLD.revision + 1;
    RETURN NEW;
END $$;
CREATE TRIGGER settings_revision BEFORE UPDATE ON settings
    FOR EACH ROW EXECUTE FUNCTION next_settings_revision();

-- A change to the policies touches the settings row, whose trigger above counts it.
CREATE FUNCTION touch_settings_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE settings SET revision = revision;
    RETURN NULL;
END $$;
CREATE TRIGGER country_policies_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON country_policies
    FOR EACH STATEMENT EXECUTE FUNCTION touch_settings_revision();
