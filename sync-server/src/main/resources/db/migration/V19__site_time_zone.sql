-- A site's time zone (an IANA name such as Europe/Berlin) for the times people read about it in the
-- console and the reports; null: the plant-wide default (lotkeeper.time-zone).
ALTER TABLE site ADD COLUMN time_zone text;
