UPDATE nurture_touchpoints SET status = 'cancelled' WHERE status = 'failed';
ALTER TABLE nurture_touchpoints DROP CONSTRAINT nurture_touchpoints_status_check;
ALTER TABLE nurture_touchpoints ADD CONSTRAINT nurture_touchpoints_status_check
    CHECK (status IN ('scheduled', 'sent', 'cancelled'));
ALTER TABLE nurture_touchpoints DROP COLUMN last_error;
