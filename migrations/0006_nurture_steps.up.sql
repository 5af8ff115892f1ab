-- What a nurture campaign sends and when: each step is a template sent a number of days after a
-- candidate is enrolled. Enrolling turns the steps into that candidate's touchpoints.
CREATE TABLE nurture_steps (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id uuid NOT NULL REFERENCES nurture_campaigns (id) ON DELETE CASCADE,
    template_id uuid NOT NULL REFERENCES email_templates (id),
    days_after  integer NOT NULL CHECK (days_after BETWEEN 0 AND 3650),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, days_after, template_id)
);
CREATE INDEX nurture_steps_campaign ON nurture_steps (campaign_id, days_after);
