-- no-transaction
-- Upsert by the ATS's id on a large table: built concurrently so writes don't wait.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS opportunities_external_id ON opportunities (external_id);
