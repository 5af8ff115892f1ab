-- no-transaction
-- A Limited Team Member's candidates (member_candidates) from the index alone: the opportunities
-- they own, with each one's candidate, without reading every opportunity's row.
CREATE INDEX CONCURRENTLY IF NOT EXISTS opportunities_by_owner_with_candidate
    ON opportunities (owner_id, candidate_id);
