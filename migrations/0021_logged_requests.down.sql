ALTER TABLE data_requests DROP CONSTRAINT data_requests_logged_by_channel;
ALTER TABLE data_requests DROP COLUMN logged_by;
ALTER TABLE data_requests DROP COLUMN channel;
