DROP INDEX opportunities_application_key;
ALTER TABLE opportunities DROP COLUMN application_key;
