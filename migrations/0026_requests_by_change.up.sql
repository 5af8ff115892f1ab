-- no-transaction
-- The integration API pages data requests by their last change (keyset: updated_at, id). Built
-- concurrently: the table is one of the large ones, and writes must not wait for the build.
CREATE INDEX CONCURRENTLY IF NOT EXISTS data_requests_by_change ON data_requests (updated_at, id);
