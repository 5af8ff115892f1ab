-- The organization's accent colour on candidate pages and emails (issue 27); NULL: Candor's.
-- The contrast rule (WCAG AA against white) is the domain's, checked on save.
ALTER TABLE settings ADD COLUMN accent_colour text CHECK (accent_colour ~ '^#[0-9a-f]{6}$');
