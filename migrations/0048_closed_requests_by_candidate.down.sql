-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS data_requests_closed_by_candidate;
