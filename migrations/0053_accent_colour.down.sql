ALTER TABLE settings DROP COLUMN accent_colour;
