DROP TRIGGER data_requests_updated_at ON data_requests;
CREATE TRIGGER data_requests_updated_at BEFORE UPDATE ON data_requests FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'owner_id') IS DISTINCT FROM (to_jsonb(NEW) - 'owner_id'))
    EXECUTE FUNCTION set_updated_at();
DROP TRIGGER data_requests_next_alert ON data_requests;
DROP FUNCTION data_request_next_alert();
ALTER TABLE data_requests DROP COLUMN next_alert_at;
