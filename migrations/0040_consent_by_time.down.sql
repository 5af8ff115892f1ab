-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS consent_events_by_time;
