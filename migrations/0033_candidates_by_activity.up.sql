-- no-transaction
-- The candidate list's order and its keyset pages (most recent activity first, id breaks ties).
-- Built concurrently: candidates is one of the large tables, and writes must not wait.
CREATE INDEX CONCURRENTLY IF NOT EXISTS candidates_by_activity ON candidates (last_activity_at, id);
