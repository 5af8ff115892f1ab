-- The dashboard at 300k requests (issue 26). Two things it did per view over every request
-- become columns and rows kept in the same transaction as the change:
-- 1. A request's owner (its candidate's current owner, 0037) is a column on the request, so
--    the owner filter is an index range instead of a join through the owner's candidates.
-- 2. Closed requests are tallied per UTC day and per month of receipt, kind, status and
--    owner, so the counts add up at most a few thousand tally rows instead of scanning every
--    request ever made. Open requests (the working set, a few weeks' intake) are still counted
--    from their own index: "overdue" and "due soon" depend on the time of the view.
ALTER TABLE data_requests ADD COLUMN owner_id uuid REFERENCES users (id) ON DELETE SET NULL;

CREATE FUNCTION data_request_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT current_owner_id INTO NEW.owner_id FROM candidates WHERE id = NEW.candidate_id;
    RETURN NEW;
END $$;
CREATE TRIGGER data_requests_owner BEFORE INSERT OR UPDATE OF candidate_id ON data_requests
    FOR EACH ROW EXECUTE FUNCTION data_request_owner();

CREATE FUNCTION candidate_owner_to_requests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_requests SET owner_id = NEW.current_owner_id
     WHERE candidate_id = NEW.id AND owner_id IS DISTINCT FROM NEW.current_owner_id;
    RETURN NULL;
END $$;
CREATE TRIGGER candidates_request_owner AFTER UPDATE OF current_owner_id ON candidates
    FOR EACH ROW WHEN (OLD.current_owner_id IS DISTINCT FROM NEW.current_owner_id)
    EXECUTE FUNCTION candidate_owner_to_requests();

-- A new owner is not a change to the request (the API's change feed orders by updated_at).
DROP TRIGGER data_requests_updated_at ON data_requests;
CREATE TRIGGER data_requests_updated_at BEFORE UPDATE ON data_requests FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'owner_id') IS DISTINCT FROM (to_jsonb(NEW) - 'owner_id'))
    EXECUTE FUNCTION set_updated_at();

CREATE TABLE data_request_tallies (
    grain    text NOT NULL CHECK (grain IN ('day', 'month')),
    starts   date NOT NULL,
    kind     text NOT NULL,
    status   text NOT NULL CHECK (status <> 'open'),
    owner_id uuid,
    requests bigint NOT NULL,
    CONSTRAINT data_request_tallies_key UNIQUE NULLS NOT DISTINCT (grain, starts, kind, status, owner_id)
);

-- Changes are appended, never added in place: a shared tally row updated by every resolve
-- would serialize them, and deadlock a batch (the sweep) against a single resolve. A fold
-- (below, run in the background) moves them into the tallies; readers add both up.
CREATE TABLE data_request_tally_changes (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grain    text NOT NULL,
    starts   date NOT NULL,
    kind     text NOT NULL,
    status   text NOT NULL,
    owner_id uuid,
    change   integer NOT NULL
);

CREATE FUNCTION tally_request_change(kind text, status text, received timestamptz, owner uuid, change integer)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO data_request_tally_changes (grain, starts, kind, status, owner_id, change)
    VALUES ('day', (received AT TIME ZONE 'UTC')::date, kind, status, owner, change),
           ('month', date_trunc('month', received AT TIME ZONE 'UTC')::date, kind, status, owner, change)
$$;

CREATE FUNCTION data_requests_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'open' THEN
        PERFORM tally_request_change(OLD.kind, OLD.status, OLD.received_at, OLD.owner_id, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'open' THEN
        PERFORM tally_request_change(NEW.kind, NEW.status, NEW.received_at, NEW.owner_id, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER data_requests_tally AFTER INSERT OR DELETE ON data_requests
    FOR EACH ROW EXECUTE FUNCTION data_requests_tally();
CREATE TRIGGER data_requests_tally_update AFTER UPDATE OF kind, status, received_at, owner_id ON data_requests
    FOR EACH ROW
    WHEN ((OLD.kind, OLD.status, OLD.received_at, OLD.owner_id)
          IS DISTINCT FROM (NEW.kind, NEW.status, NEW.received_at, NEW.owner_id))
    EXECUTE FUNCTION data_requests_tally();

-- Moves the appended changes into the tallies, in one transaction (a reader sees either both
-- before or both after). One fold at a time; rows come in key order, so folds never deadlock.
CREATE FUNCTION fold_request_tallies() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    folded bigint;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('fold_request_tallies')) THEN
        RETURN 0;
    END IF;
    WITH moved AS (
        DELETE FROM data_request_tally_changes
        RETURNING grain, starts, kind, status, owner_id, change
    ), summed AS (
        SELECT grain, starts, kind, status, owner_id, sum(change) AS requests, count(*) AS changes
          FROM moved GROUP BY grain, starts, kind, status, owner_id
    ), upserted AS (
        INSERT INTO data_request_tallies AS t (grain, starts, kind, status, owner_id, requests)
        SELECT grain, starts, kind, status, owner_id, requests FROM summed
         ORDER BY grain, starts, kind, status, owner_id
        ON CONFLICT ON CONSTRAINT data_request_tallies_key
        DO UPDATE SET requests = t.requests + excluded.requests
    )
    SELECT coalesce(sum(changes), 0) INTO folded FROM summed;
    DELETE FROM data_request_tallies WHERE requests = 0;
    RETURN folded;
END $$;

-- Bulk loads switch the triggers off and call these once.
CREATE FUNCTION recompute_request_owners() RETURNS void LANGUAGE sql AS $$
    UPDATE data_requests r SET owner_id = c.current_owner_id
      FROM candidates c
     WHERE c.id = r.candidate_id AND r.owner_id IS DISTINCT FROM c.current_owner_id
$$;
CREATE FUNCTION recompute_request_tallies() RETURNS void LANGUAGE sql AS $$
    DELETE FROM data_request_tally_changes;
    DELETE FROM data_request_tallies;
    INSERT INTO data_request_tallies (grain, starts, kind, status, owner_id, requests)
    SELECT 'day', (received_at AT TIME ZONE 'UTC')::date, kind, status, owner_id, count(*)
      FROM data_requests WHERE status <> 'open' GROUP BY 2, 3, 4, 5;
    INSERT INTO data_request_tallies (grain, starts, kind, status, owner_id, requests)
    SELECT 'month', date_trunc('month', received_at AT TIME ZONE 'UTC')::date, kind, status, owner_id, count(*)
      FROM data_requests WHERE status <> 'open' GROUP BY 2, 3, 4, 5;
$$;

SELECT recompute_request_owners();
SELECT recompute_request_tallies();
