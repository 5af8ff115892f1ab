DROP FUNCTION candidate_visible_to(uuid, uuid);
DROP TABLE opportunity_assignees;
