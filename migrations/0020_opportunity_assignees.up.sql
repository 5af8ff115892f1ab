-- Team members assigned to an opportunity besides its owner (SPEC §1, §10): a Limited Team Member
-- sees the candidates of opportunities they own or are assigned to.
CREATE TABLE opportunity_assignees (
    opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    assigned_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    assigned_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (opportunity_id, user_id)
);
CREATE INDEX opportunity_assignees_user ON opportunity_assignees (user_id);

-- The one definition of who may see a candidate when the viewer's reach is limited to their own
-- opportunities (`member` is NULL for everyone else, who sees all).
CREATE FUNCTION candidate_visible_to(candidate uuid, member uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT member IS NULL
        OR EXISTS (SELECT 1 FROM opportunities o
                    WHERE o.candidate_id = candidate
                      AND (o.owner_id = member
                           OR EXISTS (SELECT 1 FROM opportunity_assignees a
                                       WHERE a.opportunity_id = o.id AND a.user_id = member)))
$$;
