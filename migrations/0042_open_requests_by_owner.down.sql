-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS data_requests_open_by_owner;
