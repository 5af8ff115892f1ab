-- Failed recruiter sign-ins, for throttling (SPEC §7). The subject is an HMAC of the account's
-- normalized email or of the client address under the server key, so the table holds neither an
-- email nor an IP address, and an unknown email is throttled exactly like a known one.
CREATE TABLE sign_in_failures (
    subject bytea NOT NULL CHECK (length(subject) = 32),
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_subject ON sign_in_failures (subject, at DESC);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
