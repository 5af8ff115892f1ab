-- no-transaction
-- The profile's timeline shows a candidate's latest consent decisions, whatever the purpose:
-- read newest first off this index instead of sorting every event they ever made.
CREATE INDEX CONCURRENTLY IF NOT EXISTS consent_events_by_time ON consent_events (candidate_id, at DESC);
