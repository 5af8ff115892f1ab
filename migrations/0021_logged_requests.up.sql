-- Requests that reach the organization another way are logged by a recruiter (SPEC §10): how
-- each came in, and who logged it.
ALTER TABLE data_requests ADD COLUMN channel text NOT NULL DEFAULT 'preferences_page'
    CHECK (channel IN ('preferences_page', 'email', 'phone', 'letter', 'in_person'));
ALTER TABLE data_requests ADD COLUMN logged_by uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE data_requests ADD CONSTRAINT data_requests_logged_by_channel
    CHECK (channel <> 'preferences_page' OR logged_by IS NULL);
