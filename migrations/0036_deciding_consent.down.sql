DROP FUNCTION candidate_deciding_consent(uuid);
