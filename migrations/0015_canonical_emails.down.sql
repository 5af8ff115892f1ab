-- The spellings addresses had before are not kept: canonical addresses stay as they are.
SELECT 1;
