-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS candidates_by_owner;
