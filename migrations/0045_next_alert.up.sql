-- The due-date alert check read every open request every hour, and kept re-checking each
-- overdue one (with its owners and label) until it was answered (issue 26). A request now says
-- when it is next owed an alert: the check reads only those whose time has come and sets the
-- next time (Alert::next_owed, the domain's rule). Receiving, extending or reopening a request
-- asks for a look at once; closing it takes it out.
ALTER TABLE data_requests ADD COLUMN next_alert_at timestamptz;

CREATE FUNCTION data_request_next_alert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status <> 'open' THEN
        NEW.next_alert_at := NULL;
    ELSIF TG_OP = 'INSERT'
          OR OLD.status <> 'open'
          OR (OLD.due_at, OLD.extended_until) IS DISTINCT FROM (NEW.due_at, NEW.extended_until) THEN
        NEW.next_alert_at := now();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER data_requests_next_alert BEFORE INSERT OR UPDATE OF status, due_at, extended_until
    ON data_requests FOR EACH ROW EXECUTE FUNCTION data_request_next_alert();

-- The check's own bookkeeping is not a change to the request (the API's change feed).
DROP TRIGGER data_requests_updated_at ON data_requests;
CREATE TRIGGER data_requests_updated_at BEFORE UPDATE ON data_requests FOR EACH ROW
    WHEN ((to_jsonb(OLD) - ARRAY['owner_id', 'next_alert_at'])
          IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['owner_id', 'next_alert_at']))
    EXECUTE FUNCTION set_updated_at();

-- Every open request gets one look, then only at its thresholds.
UPDATE data_requests SET next_alert_at = now() WHERE status = 'open';
