-- Transfers between sites (docs/DOMAIN.md, "Transfers between sites"). A transfer order is a task
-- of kind TRANSFER at the sending site, naming the receiving site.
ALTER TABLE task ADD COLUMN to_site varchar(40) REFERENCES site (code);

-- Stock on its way between sites, a projection like stock (rebuilt by replay): per transfer order,
-- lot and pallet ('' for loose), what TRANSFER_OUT sent in total and what is still in transit
-- (sent less what TRANSFER_IN received), in the item's base unit.
CREATE TABLE transit (
    transfer        varchar(64)    NOT NULL,
    item            varchar(40)    NOT NULL,
    lot             varchar(20)    NOT NULL,
    container       varchar(18)    NOT NULL DEFAULT '',
    from_site       varchar(40)    NOT NULL,
    to_site         varchar(40)    NOT NULL,
    sent            numeric(24, 9) NOT NULL,
    quantity        numeric(24, 9) NOT NULL,
    uom             varchar(3)     NOT NULL,
    sent_at         timestamptz    NOT NULL,
    PRIMARY KEY (transfer, item, lot, container)
);
CREATE INDEX transit_lot ON transit (item, lot);
CREATE INDEX transit_in_transit_to ON transit (to_site) WHERE quantity <> 0;
CREATE INDEX transit_in_transit_from ON transit (from_site) WHERE quantity <> 0;
