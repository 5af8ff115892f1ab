-- An application form carries a key minted when the page was shown, so a double or replayed
-- submit of the same form makes one application (SPEC §5: consent captured when applying).
ALTER TABLE opportunities ADD COLUMN application_key uuid;
CREATE UNIQUE INDEX opportunities_application_key ON opportunities (application_key)
    WHERE application_key IS NOT NULL;
