-- A candidate may withdraw an open request from their page; its owners hear of it in the app.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('data_request', 'request_due_soon', 'request_overdue', 'request_escalated', 'request_withdrawn'));
