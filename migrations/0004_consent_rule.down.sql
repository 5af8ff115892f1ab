DROP FUNCTION candidate_consent_events(uuid);
