-- Résumé bytes stored per day, per client (an HMAC of its address, never the address) and in
-- all, so a flood of applications cannot fill the disk.
CREATE TABLE upload_usage (
    day     date NOT NULL,
    subject text NOT NULL,
    bytes   bigint NOT NULL CHECK (bytes >= 0),
    PRIMARY KEY (day, subject)
);
