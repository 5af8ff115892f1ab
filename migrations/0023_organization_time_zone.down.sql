ALTER TABLE settings DROP COLUMN time_zone;
