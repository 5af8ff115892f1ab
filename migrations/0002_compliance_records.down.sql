DROP TABLE audit_log;
DROP TABLE anonymized_contacts;
DROP TABLE legal_holds;
DROP TABLE notifications;
DROP TABLE data_requests;
DROP TABLE consent_events;
DROP FUNCTION guard_consent_events();
DROP FUNCTION reject_history_change();
