-- no-transaction
-- The alert check: the open requests whose next alert is due.
CREATE INDEX CONCURRENTLY IF NOT EXISTS data_requests_by_next_alert ON data_requests (next_alert_at) WHERE next_alert_at IS NOT NULL;
