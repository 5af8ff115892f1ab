-- no-transaction
-- The dashboard's narrow ranges of receipt: that range's closed requests, read by day of receipt.
CREATE INDEX CONCURRENTLY IF NOT EXISTS data_requests_closed_by_receipt ON data_requests (received_at) WHERE status <> 'open';
