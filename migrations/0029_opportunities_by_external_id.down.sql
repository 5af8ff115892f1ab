-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS opportunities_external_id;
