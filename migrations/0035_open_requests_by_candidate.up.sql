-- no-transaction
-- The open-request badge per listed candidate, whatever the length of the candidate's history.
CREATE INDEX CONCURRENTLY IF NOT EXISTS data_requests_open_by_candidate ON data_requests (candidate_id) WHERE status = 'open';
