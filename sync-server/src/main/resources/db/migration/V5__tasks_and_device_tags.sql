-- Work for devices: pick lists (the order's lines; the device allocates by FEFO), expected
-- receipts (a PO or ASN with its supplier and items), count tasks (locations to count blind).
CREATE TABLE task (
    id              varchar(64)  PRIMARY KEY,
    site            varchar(40)  NOT NULL REFERENCES site (code),
    kind            varchar(10)  NOT NULL,
    partner         varchar(40),
    status          varchar(10)  NOT NULL DEFAULT 'OPEN',
    created_by      varchar(40)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    closed_by       varchar(40),
    closed_at       timestamptz
);
CREATE INDEX task_open ON task (site, status);

CREATE TABLE task_line (
    task_id         varchar(64)    NOT NULL REFERENCES task (id),
    line_no         integer        NOT NULL,
    item            varchar(40)    NOT NULL,
    lot             varchar(20),
    location        varchar(40),
    quantity        numeric(24, 9),
    uom             varchar(3),
    PRIMARY KEY (task_id, line_no)
);

-- Every device gets a number that is never reused; its base-36 form is the device tag that
-- PATTERN lot codes embed, so two offline devices never make the same lot code.
CREATE SEQUENCE device_tag_seq;
ALTER TABLE device ADD COLUMN tag_number bigint NOT NULL DEFAULT nextval('device_tag_seq') UNIQUE;
