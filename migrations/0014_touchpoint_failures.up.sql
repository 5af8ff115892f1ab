-- A touchpoint whose template can't be filled in fails on its own, saying why, instead of
-- vanishing among the cancelled ones.
ALTER TABLE nurture_touchpoints ADD COLUMN last_error text;
ALTER TABLE nurture_touchpoints DROP CONSTRAINT nurture_touchpoints_status_check;
ALTER TABLE nurture_touchpoints ADD CONSTRAINT nurture_touchpoints_status_check
    CHECK (status IN ('scheduled', 'sent', 'cancelled', 'failed'));
