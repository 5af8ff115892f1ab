-- Candor's core records: the team, the organization's settings, postings, candidates and their
-- candidacies. Enumerations are text with CHECK constraints (spellings mirrored by the domain
-- module's text enums): unlike Postgres enum types, a value can be added in one transaction.

CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    role          text NOT NULL CHECK (role IN ('super_admin', 'admin', 'team_member', 'limited_team_member')),
    permissions   text[] NOT NULL DEFAULT '{}'
                  CHECK (permissions <@ ARRAY['anonymize_candidates', 'view_compliance_dashboard', 'manage_profiles']),
    password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The session id is a random 256-bit value held only by the browser; we keep its SHA-256.
CREATE TABLE sessions (
    id_hash      bytea PRIMARY KEY CHECK (length(id_hash) = 32),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- One organization per deployment: exactly one settings row.
CREATE TABLE settings (
    id                         boolean PRIMARY KEY DEFAULT true CHECK (id),
    organization_name          text NOT NULL DEFAULT 'Candor demo organization' CHECK (btrim(organization_name) <> ''),
    reply_to                   text CHECK (reply_to ~ '^[^@\s]+@[^@\s]+$'),
    privacy_policy_url         text CHECK (privacy_policy_url ~ '^https?://'),
    data_protection_contact    text,
    compliance_mode            text NOT NULL DEFAULT 'gdpr' CHECK (compliance_mode IN ('off', 'gdpr', 'localized')),
    gdpr_scope                 text NOT NULL DEFAULT 'eu_and_unknown' CHECK (gdpr_scope IN ('eu_only', 'eu_and_unknown', 'all')),
    processing_basis           text NOT NULL DEFAULT 'legitimate_interest_or_contract'
                               CHECK (processing_basis IN ('legitimate_interest_or_contract', 'explicit_consent')),
    retention_basis            text NOT NULL DEFAULT 'legitimate_interest_or_contract'
                               CHECK (retention_basis IN ('legitimate_interest_or_contract', 'explicit_consent')),
    retention_days             integer NOT NULL DEFAULT 730 CHECK (retention_days BETWEEN 1 AND 36500),
    consent_validity_days      integer CHECK (consent_validity_days BETWEEN 1 AND 36500),
    consent_answer_window_days integer NOT NULL DEFAULT 30 CHECK (consent_answer_window_days BETWEEN 1 AND 365),
    anonymization_grace_days   integer NOT NULL DEFAULT 30 CHECK (anonymization_grace_days BETWEEN 0 AND 365),
    owner_alert_includes_name  boolean NOT NULL DEFAULT false,
    consent_text_version       text NOT NULL DEFAULT 'v1',
    updated_at                 timestamptz NOT NULL DEFAULT now()
);
INSERT INTO settings DEFAULT VALUES;
CREATE TRIGGER settings_updated_at BEFORE UPDATE ON settings FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Localized mode: what each country's policy keeps and removes.
CREATE TABLE country_policies (
    country        text PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
    enabled        boolean NOT NULL DEFAULT true,
    retention_days integer NOT NULL CHECK (retention_days BETWEEN 1 AND 36500),
    removed_fields text[] NOT NULL DEFAULT '{}'
                   CHECK (removed_fields <@ ARRAY['name', 'emails', 'phones', 'skype', 'links', 'location',
                                                  'attachments', 'application_responses', 'application_comments']),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER country_policies_updated_at BEFORE UPDATE ON country_policies FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE postings (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title            text NOT NULL CHECK (btrim(title) <> ''),
    location_country text CHECK (location_country ~ '^[A-Z]{2}$'),
    owner_id         uuid REFERENCES users (id) ON DELETE SET NULL,
    state            text NOT NULL DEFAULT 'published' CHECK (state IN ('published', 'closed')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER postings_updated_at BEFORE UPDATE ON postings FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The person. Rows are anonymized in place, never deleted, so requests and audit rows can still
-- prove what happened.
CREATE TABLE candidates (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                  text NOT NULL,
    headline              text,
    location_text         text,
    location_country      text CHECK (location_country ~ '^[A-Z]{2}$'),
    gdpr_country_override text CHECK (gdpr_country_override ~ '^[A-Z]{2}$'),
    phones                text[] NOT NULL DEFAULT '{}',
    skype                 text,
    links                 text[] NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    anonymized_at         timestamptz,
    anonymization_mode    text CHECK (anonymization_mode IN ('gdpr', 'localized')),
    CHECK ((anonymized_at IS NULL) = (anonymization_mode IS NULL)),
    CHECK (anonymized_at IS NOT NULL OR btrim(name) <> '')
);
CREATE INDEX candidates_recent ON candidates (updated_at DESC);
CREATE TRIGGER candidates_updated_at BEFORE UPDATE ON candidates FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Two candidate records may share an address (a returning person); one record lists it once.
CREATE TABLE candidate_emails (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    email        text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    is_primary   boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX candidate_emails_unique ON candidate_emails (candidate_id, lower(email));
CREATE UNIQUE INDEX candidate_emails_one_primary ON candidate_emails (candidate_id) WHERE is_primary;
CREATE INDEX candidate_emails_by_email ON candidate_emails (lower(email));

CREATE TABLE opportunities (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id   uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    posting_id     uuid REFERENCES postings (id) ON DELETE SET NULL,
    owner_id       uuid REFERENCES users (id) ON DELETE SET NULL,
    stage          text NOT NULL DEFAULT 'new lead' CHECK (btrim(stage) <> ''),
    origin         text NOT NULL CHECK (origin IN ('applied', 'sourced', 'referred', 'added_manually')),
    archived_at    timestamptz,
    archive_reason text,
    hired          boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (archive_reason IS NULL OR archived_at IS NOT NULL)
);
CREATE INDEX opportunities_candidate ON opportunities (candidate_id);
CREATE INDEX opportunities_owner ON opportunities (owner_id);
CREATE INDEX opportunities_posting ON opportunities (posting_id);
CREATE TRIGGER opportunities_updated_at BEFORE UPDATE ON opportunities FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE application_responses (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    question       text NOT NULL,
    answer         text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_responses_opportunity ON application_responses (opportunity_id);

-- Cover letters and other free text the candidate sent.
CREATE TABLE application_comments (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    body           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_comments_opportunity ON application_comments (opportunity_id);

CREATE TABLE attachments (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id   uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    opportunity_id uuid REFERENCES opportunities (id) ON DELETE SET NULL,
    file_name      text NOT NULL CHECK (btrim(file_name) <> ''),
    media_type     text NOT NULL CHECK (media_type ~ '^[a-z]+/[A-Za-z0-9.+-]+$'),
    bytes          bytea NOT NULL CHECK (length(bytes) <= 10 * 1024 * 1024),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_candidate ON attachments (candidate_id);

-- Written by the team and kept after anonymization (personal values inside are replaced).
CREATE TABLE notes (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id   uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    opportunity_id uuid REFERENCES opportunities (id) ON DELETE SET NULL,
    author_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    body           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_candidate ON notes (candidate_id);
CREATE TRIGGER notes_updated_at BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE feedback (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    author_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    rating         smallint NOT NULL CHECK (rating BETWEEN 1 AND 4),
    body           text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_opportunity ON feedback (opportunity_id);
CREATE TRIGGER feedback_updated_at BEFORE UPDATE ON feedback FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Stage changes, interviews and the like: facts about the candidacy, with no free text.
CREATE TABLE events (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('created', 'stage_changed', 'interview_scheduled', 'archived', 'unarchived', 'hired')),
    stage          text,
    actor_id       uuid REFERENCES users (id) ON DELETE SET NULL,
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_opportunity ON events (opportunity_id, at);
