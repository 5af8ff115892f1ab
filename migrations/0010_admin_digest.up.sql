-- Admins may have a daily digest of open, due-soon and overdue data requests (SPEC §7).
ALTER TABLE settings ADD COLUMN admin_digest boolean NOT NULL DEFAULT false;
