-- The integration API pages postings by their last change (keyset: updated_at, id).
CREATE INDEX postings_by_change ON postings (updated_at, id);
