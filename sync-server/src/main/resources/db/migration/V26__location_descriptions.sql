-- Issue 21 part 1: a site's and a partner's location description, the KDEs FSMA 204 asks of every
-- location (21 CFR 1.1310: business name — their name —, phone, street address, city, state or
-- region, postal code, country). All optional: master data made before has none, and the KDE
-- completeness check names what is missing.
ALTER TABLE site ADD COLUMN phone varchar(40), ADD COLUMN street varchar(200), ADD COLUMN city varchar(100),
    ADD COLUMN region varchar(100), ADD COLUMN postal_code varchar(20), ADD COLUMN country char(2);
ALTER TABLE partner ADD COLUMN phone varchar(40), ADD COLUMN street varchar(200), ADD COLUMN city varchar(100),
    ADD COLUMN region varchar(100), ADD COLUMN postal_code varchar(20), ADD COLUMN country char(2);
