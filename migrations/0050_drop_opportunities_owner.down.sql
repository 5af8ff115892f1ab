-- no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS opportunities_owner ON opportunities (owner_id);
