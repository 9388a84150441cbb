-- Issue 21 part 1: a partner's ship-from / ship-to locations, each with its own name, GLN and
-- location description (FSMA 204's KDEs), chosen on tasks (a delivery note's ship-to, an expected
-- receipt's ship-from) and read by the exports for the events done against those tasks. Upserted
-- by master data, never deleted: a task names one by its code.
CREATE TABLE partner_location (
    partner     varchar(40)  NOT NULL,
    code        varchar(40)  NOT NULL,
    name        varchar(200) NOT NULL,
    gln         char(13),
    phone       varchar(40),
    street      varchar(200),
    city        varchar(100),
    region      varchar(100),
    postal_code varchar(20),
    country     char(2),
    updated_at  timestamptz  NOT NULL,
    PRIMARY KEY (partner, code)
);

ALTER TABLE task ADD COLUMN partner_location varchar(40);

-- The EPCIS capture finds an event sent again under another eventID (or none) by its CBV hash.
CREATE INDEX epcis_event_content ON epcis_event (content_hash);
