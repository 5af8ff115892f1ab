-- no-transaction
-- The dashboard's owner filter: the candidates a colleague owns, then their requests.
CREATE INDEX CONCURRENTLY IF NOT EXISTS candidates_by_owner ON candidates (current_owner_id) WHERE current_owner_id IS NOT NULL;
