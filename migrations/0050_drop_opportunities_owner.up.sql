-- no-transaction
-- opportunities_by_owner_with_candidate begins with owner_id, so it serves every lookup by owner
-- (the list's filter, the owner's foreign key when a user is deleted) that this one did.
DROP INDEX CONCURRENTLY IF EXISTS opportunities_owner;
