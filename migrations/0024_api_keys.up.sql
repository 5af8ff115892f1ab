-- Keys for the integration API (SPEC §11), created by a Super Admin. A key is shown once and kept
-- only as the SHA-256 of its text; `hint` (its first characters) tells keys apart in lists.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    scopes       text[] NOT NULL
                 CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write', 'anonymize']),
    key_hash     bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    hint         text NOT NULL CHECK (length(hint) <= 20),
    created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- The one showing of a new key: its secret sealed with the creator's session token, which the
-- database never holds (only its hash), so only that browser can open it. Deleted when shown,
-- or unopened after ten minutes.
CREATE TABLE api_key_reveals (
    key_id       uuid PRIMARY KEY REFERENCES api_keys (id) ON DELETE CASCADE,
    session_hash bytea NOT NULL CHECK (length(session_hash) = 32),
    sealed       bytea NOT NULL CHECK (length(sealed) = 32),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX api_key_reveals_session ON api_key_reveals (session_hash);
