-- Pallets (docs/DOMAIN.md, "Containers"): a site's GS1 company prefix numbers the SSCCs of the
-- pallets it builds, handed out in blocks that never overlap.
ALTER TABLE site ADD COLUMN gs1_company_prefix varchar(12);

-- Each block is the SSCC numbers first_number … first_number + count - 1 of one company prefix
-- (several sites may share a prefix, so blocks are numbered per prefix, not per site). A block is
-- handed to one device (device_id), or printed in the console as a roll of blank labels.
CREATE TABLE sscc_block (
    id              bigserial    PRIMARY KEY,
    company_prefix  varchar(12)  NOT NULL,
    first_number    bigint       NOT NULL CHECK (first_number >= 0),
    count           integer      NOT NULL CHECK (count > 0),
    site            varchar(40)  NOT NULL,
    device_id       varchar(40),
    issued_by       varchar(40),
    issued_at       timestamptz  NOT NULL,
    UNIQUE (company_prefix, first_number)
);
CREATE INDEX sscc_block_device ON sscc_block (device_id, id) WHERE device_id IS NOT NULL;

-- What a pallet holds (its page, a device's pull): stock in containers is a small part of all stock.
CREATE INDEX stock_container ON stock (container, item, lot, location) WHERE container <> '';
CREATE INDEX stock_container_site_changed ON stock (site, changed_xid) WHERE container <> '';
