DROP FUNCTION recompute_candidate_owners();
CREATE OR REPLACE FUNCTION candidates_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
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
DROP TRIGGER opportunities_candidate_owner ON opportunities;
DROP FUNCTION candidate_owner_from_opportunity();
DROP FUNCTION candidate_current_owner(uuid);
ALTER TABLE candidates DROP COLUMN current_owner_id;
