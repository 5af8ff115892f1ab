DROP TABLE nurture_steps;
