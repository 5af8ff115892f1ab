-- The dashboard at 300k requests (issue 26): a request belongs to the owner of its candidate's
-- current opportunity (else the latest), which the dashboard looked up per request, for every
-- request, on every view. It becomes a column on the candidate, kept by a trigger on
-- opportunities in the same transaction, so the owner filter and the counts are one join.
ALTER TABLE candidates ADD COLUMN current_owner_id uuid REFERENCES users (id) ON DELETE SET NULL;

CREATE FUNCTION candidate_current_owner(candidate uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT o.owner_id FROM opportunities o
     WHERE o.candidate_id = candidate AND o.owner_id IS NOT NULL
     ORDER BY o.archived_at IS NULL DESC, o.created_at DESC
     LIMIT 1
$$;

CREATE FUNCTION candidate_owner_from_opportunity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE candidates SET current_owner_id = candidate_current_owner(id)
         WHERE id = OLD.candidate_id
           AND current_owner_id IS DISTINCT FROM candidate_current_owner(id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE candidates SET current_owner_id = candidate_current_owner(id)
         WHERE id = NEW.candidate_id
           AND current_owner_id IS DISTINCT FROM candidate_current_owner(id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER opportunities_candidate_owner
    AFTER INSERT OR DELETE OR UPDATE OF owner_id, archived_at, candidate_id, created_at ON opportunities
    FOR EACH ROW EXECUTE FUNCTION candidate_owner_from_opportunity();

-- As in 0032, with the owner among the columns whose change alone is not a change to the
-- candidate's record.
CREATE OR REPLACE FUNCTION candidates_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (to_jsonb(NEW) - ARRAY['updated_at', 'last_activity_at', 'search_text', 'current_owner_id'])
           IS DISTINCT FROM
           (to_jsonb(OLD) - ARRAY['updated_at', 'last_activity_at', 'search_text', 'current_owner_id']) THEN
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

-- Bulk loads switch the trigger off and call this once.
CREATE FUNCTION recompute_candidate_owners() RETURNS void LANGUAGE sql AS $$
    UPDATE candidates c SET current_owner_id = o.owner_id
      FROM (SELECT DISTINCT ON (candidate_id) candidate_id, owner_id
              FROM opportunities WHERE owner_id IS NOT NULL
             ORDER BY candidate_id, archived_at IS NULL DESC, created_at DESC) o
     WHERE o.candidate_id = c.id AND c.current_owner_id IS DISTINCT FROM o.owner_id
$$;
SELECT recompute_candidate_owners();
