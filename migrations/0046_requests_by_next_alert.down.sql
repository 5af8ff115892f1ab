-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS data_requests_by_next_alert;
