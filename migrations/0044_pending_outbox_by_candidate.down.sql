-- no-transaction
DROP INDEX CONCURRENTLY IF EXISTS email_outbox_pending_by_candidate;
