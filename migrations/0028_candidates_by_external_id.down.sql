-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS candidates_external_id;
