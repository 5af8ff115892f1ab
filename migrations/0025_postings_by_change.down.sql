DROP INDEX postings_by_change;
