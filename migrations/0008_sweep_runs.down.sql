DROP TABLE sweep_runs;
DROP VIEW candidate_retention_facts;
