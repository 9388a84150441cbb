-- An item's approved suppliers (docs/PROTOCOL.md, master data): a handheld that scans a supplier
-- label with no purchase order takes the supplier from here when there is one, and offers them as
-- one-tap choices when there are several.
CREATE TABLE item_supplier (
    item_code     varchar(40) NOT NULL REFERENCES item (code),
    partner_code  varchar(40) NOT NULL REFERENCES partner (code),
    PRIMARY KEY (item_code, partner_code)
);

-- A number per site that grows with every change a device pulls whole (tasks, master data, users):
-- devices ask for it every few seconds (GET /api/v1/sync/changes) and pull when it moved.
CREATE TABLE site_change (
    site     varchar(40) PRIMARY KEY REFERENCES site (code),
    version  bigint      NOT NULL
);
