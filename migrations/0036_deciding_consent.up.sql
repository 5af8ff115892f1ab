-- The consent events every rule reads, instead of every event a candidate ever made: for
-- processing and retention the first (when consent was first answered, which starts the answer
-- window) and the latest (the current state); for contact the latest across every record that
-- shares one of the candidate's addresses (the rule of candidate_consent_events, 0004). One index
-- seek per purpose and record: a candidate with 10,000 changes costs what one with five does
-- (issue 26). A test keeps this in agreement with candidate_consent_events.
CREATE FUNCTION candidate_deciding_consent(candidate uuid)
RETURNS TABLE (purpose text, decision text, at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT p.purpose, chosen.decision, chosen.at
      FROM (VALUES ('processing'), ('retention')) AS p (purpose)
     CROSS JOIN LATERAL (
           (SELECT e.decision, e.at FROM consent_events e
             WHERE e.candidate_id = candidate AND e.purpose = p.purpose
             ORDER BY e.at DESC LIMIT 1)
           UNION
           (SELECT e.decision, e.at FROM consent_events e
             WHERE e.candidate_id = candidate AND e.purpose = p.purpose
             ORDER BY e.at LIMIT 1)) AS chosen
    UNION ALL
    (SELECT 'contact', latest.decision, latest.at
       FROM (SELECT candidate AS id
             UNION
             SELECT other.candidate_id
               FROM candidate_emails mine
               JOIN candidate_emails other ON lower(other.email) = lower(mine.email)
              WHERE mine.candidate_id = candidate) AS person
      CROSS JOIN LATERAL (SELECT e.decision, e.at
                            FROM consent_events e
                           WHERE e.candidate_id = person.id AND e.purpose = 'contact'
                           ORDER BY e.at DESC
                           LIMIT 1) AS latest
      ORDER BY latest.at DESC
      LIMIT 1)
$$;
