-- no-transaction
-- Upsert by the ATS's id on a large table: built concurrently so writes don't wait. (One
-- statement per migration: several would share one implicit transaction.)
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS candidates_external_id ON candidates (external_id);
