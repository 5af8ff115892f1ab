-- Files sent with an email: the personal-data copy's machine-readable export (Art. 20). They
-- belong to their outbox row, and go with its content when the candidate is anonymized.
CREATE TABLE email_attachments (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    outbox_id  uuid NOT NULL REFERENCES email_outbox (id) ON DELETE CASCADE,
    file_name  text NOT NULL CHECK (btrim(file_name) <> ''),
    media_type text NOT NULL CHECK (media_type ~ '^[a-z]+/[A-Za-z0-9.+-]+$'),
    bytes      bytea NOT NULL CHECK (length(bytes) <= 10 * 1024 * 1024),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_attachments_outbox ON email_attachments (outbox_id);
