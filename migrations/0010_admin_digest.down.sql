ALTER TABLE settings DROP COLUMN admin_digest;
