DROP TABLE nurture_touchpoints;
DROP TABLE nurture_enrollments;
DROP TABLE nurture_campaigns;
DROP TABLE email_outbox;
DROP TABLE email_templates;
