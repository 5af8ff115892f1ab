-- The candidate list at a million candidates (issue 26). Its order and its search used to be
-- computed per row on every view (correlated subqueries over opportunities and requests, ILIKE
-- over every name and address). Both become columns kept current by triggers, in the same
-- transaction as the change, whichever path makes it: pages, the API, import or jobs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE candidates
    ADD COLUMN last_activity_at timestamptz,
    -- Name and addresses, one per line, for the trigram index; NULL once anonymized, so a search
    -- never finds an anonymized candidate whatever a localized policy kept in `name`.
    ADD COLUMN search_text text;

CREATE FUNCTION candidate_search_text(candidate uuid, name text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT name || coalesce(E'\n' || string_agg(e.email, E'\n' ORDER BY e.created_at, e.id), '')
      FROM candidate_emails e
     WHERE e.candidate_id = candidate
$$;

-- Replaces set_updated_at on candidates: a change to the maintained columns alone is not a change
-- to the candidate (the API's `updated_at` would otherwise move with every stage change).
CREATE FUNCTION candidates_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - ARRAY['updated_at', 'last_activity_at', 'search_text'])
                         IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['updated_at', 'last_activity_at', 'search_text']) THEN
        NEW.updated_at := now();
    END IF;
    NEW.last_activity_at := greatest(NEW.last_activity_at, NEW.updated_at);
    IF NEW.anonymized_at IS NOT NULL THEN
        NEW.search_text := NULL;
    ELSE
        NEW.search_text := candidate_search_text(NEW.id, NEW.name);
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER candidates_updated_at ON candidates;
CREATE TRIGGER candidates_maintained BEFORE INSERT OR UPDATE ON candidates
    FOR EACH ROW EXECUTE FUNCTION candidates_maintain();

-- An opportunity created or changed, or a request received, is activity on its candidate.
CREATE FUNCTION candidate_activity_from_opportunity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE candidates SET last_activity_at = NEW.updated_at
     WHERE id = NEW.candidate_id AND last_activity_at < NEW.updated_at;
    RETURN NULL;
END $$;
CREATE TRIGGER opportunities_candidate_activity AFTER INSERT OR UPDATE ON opportunities
    FOR EACH ROW EXECUTE FUNCTION candidate_activity_from_opportunity();

CREATE FUNCTION candidate_activity_from_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE candidates SET last_activity_at = NEW.received_at
     WHERE id = NEW.candidate_id AND last_activity_at < NEW.received_at;
    RETURN NULL;
END $$;
CREATE TRIGGER data_requests_candidate_activity AFTER INSERT ON data_requests
    FOR EACH ROW EXECUTE FUNCTION candidate_activity_from_request();

-- An address added, changed or removed changes what the candidate is found by: touching the
-- candidate makes candidates_maintain recompute search_text from the addresses as they now are.
CREATE FUNCTION candidate_search_from_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE candidates SET search_text = NULL WHERE id = OLD.candidate_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.candidate_id <> OLD.candidate_id) THEN
        UPDATE candidates SET search_text = NULL WHERE id = NEW.candidate_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER candidate_emails_search AFTER INSERT OR UPDATE OR DELETE ON candidate_emails
    FOR EACH ROW EXECUTE FUNCTION candidate_search_from_email();

-- Recomputes every candidate's last activity from the facts in one pass: for the present rows
-- here, and for bulk loads (the benchmark generators) that switch the per-row triggers off. The
-- candidates trigger fills search_text as each row is written (README: the time at a million).
CREATE FUNCTION recompute_candidate_activity() RETURNS void LANGUAGE sql AS $$
    UPDATE candidates c
       SET last_activity_at = greatest(c.updated_at, o.latest, r.latest)
      FROM candidates base
      LEFT JOIN (SELECT candidate_id, max(updated_at) AS latest FROM opportunities GROUP BY 1) o
             ON o.candidate_id = base.id
      LEFT JOIN (SELECT candidate_id, max(received_at) AS latest FROM data_requests GROUP BY 1) r
             ON r.candidate_id = base.id
     WHERE base.id = c.id
$$;
SELECT recompute_candidate_activity();

ALTER TABLE candidates ALTER COLUMN last_activity_at SET NOT NULL;

-- Which candidates a Limited Team Member sees, as a set: the list starts from the member's own
-- opportunities instead of testing every candidate of the organization. The same rule as
-- candidate_visible_to (0020), which tests one candidate; a test keeps the two in agreement.
CREATE FUNCTION member_candidates(member uuid) RETURNS TABLE (candidate_id uuid)
LANGUAGE sql STABLE AS $$
    SELECT o.candidate_id FROM opportunities o WHERE o.owner_id = member
    UNION
    SELECT o.candidate_id FROM opportunity_assignees a JOIN opportunities o ON o.id = a.opportunity_id
     WHERE a.user_id = member
$$;
