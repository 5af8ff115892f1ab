-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS opportunities_by_owner_with_candidate;
