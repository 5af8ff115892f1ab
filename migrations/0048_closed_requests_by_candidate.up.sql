-- no-transaction
-- A candidate's page and profile: their latest closed requests, however many they closed before.
CREATE INDEX CONCURRENTLY IF NOT EXISTS data_requests_closed_by_candidate ON data_requests (candidate_id, received_at DESC, id DESC) WHERE status <> 'open';
