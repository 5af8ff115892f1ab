DROP TABLE email_attachments;
