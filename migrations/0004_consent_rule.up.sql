-- The consent events that decide one candidate's status (SPEC §5): their own events for
-- processing and retention; for contact, the events of every record that shares one of their
-- email addresses, because the latest decision for an address wins. One definition for every
-- query that needs it; a single-statement SQL function, so the planner inlines it.
CREATE FUNCTION candidate_consent_events(candidate uuid)
RETURNS TABLE (purpose text, decision text, at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT e.purpose, e.decision, e.at
      FROM consent_events e
     WHERE e.candidate_id = candidate AND e.purpose <> 'contact'
    UNION ALL
    SELECT e.purpose, e.decision, e.at
      FROM consent_events e
     WHERE e.purpose = 'contact'
       AND e.candidate_id IN (
           SELECT candidate
           UNION
           SELECT other.candidate_id
             FROM candidate_emails mine
             JOIN candidate_emails other ON lower(other.email) = lower(mine.email)
            WHERE mine.candidate_id = candidate)
$$;
