-- no-transaction
-- The dashboard lists closed requests latest closed first, in pages, after the open ones; the
-- weekly chart reads the requests answered in its weeks.
CREATE INDEX CONCURRENTLY IF NOT EXISTS data_requests_closed ON data_requests (resolved_at DESC, id DESC) WHERE status <> 'open';
