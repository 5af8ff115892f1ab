-- no-transaction
-- Search by any part of a name or an address: trigram GIN answers ILIKE '%term%' for terms of
-- three characters or more without reading every candidate.
CREATE INDEX CONCURRENTLY IF NOT EXISTS candidates_search ON candidates USING gin (search_text gin_trgm_ops);
