-- no-transaction
-- The dashboard's owner filter: that owner's open requests, nearest due first.
CREATE INDEX CONCURRENTLY IF NOT EXISTS data_requests_open_by_owner ON data_requests (owner_id, (coalesce(extended_until, due_at)), id) WHERE status = 'open';
