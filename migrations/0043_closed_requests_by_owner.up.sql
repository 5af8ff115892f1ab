-- no-transaction
-- The dashboard's owner filter: that owner's closed requests, latest closed first.
CREATE INDEX CONCURRENTLY IF NOT EXISTS data_requests_closed_by_owner ON data_requests (owner_id, resolved_at DESC, id DESC) WHERE status <> 'open';
