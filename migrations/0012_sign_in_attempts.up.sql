-- Each sign-in try is counted before its password is checked, so parallel tries cannot slip past
-- the limit; a successful try takes its own rows back out by id.
ALTER TABLE sign_in_failures ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE sign_in_failures ADD PRIMARY KEY (id);
