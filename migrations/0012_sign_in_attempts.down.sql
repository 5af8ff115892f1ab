ALTER TABLE sign_in_failures DROP COLUMN id;
