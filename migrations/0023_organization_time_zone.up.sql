-- The organization's time zone (an IANA name, checked by the domain): where a scheduled email's
-- time is read when the sender's browser doesn't say its own.
ALTER TABLE settings ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'
    CHECK (length(time_zone) BETWEEN 1 AND 64);
