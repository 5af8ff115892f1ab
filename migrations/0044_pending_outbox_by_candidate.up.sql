-- no-transaction
-- A consent change finds the candidate's pending confirmation to rewrite and cancels their
-- pending outreach (issue 26): a few rows per candidate, whatever the length of their outbox
-- history (a candidate with a thousand answered requests has a thousand sent confirmations).
CREATE INDEX CONCURRENTLY IF NOT EXISTS email_outbox_pending_by_candidate ON email_outbox (candidate_id) WHERE status = 'pending';
