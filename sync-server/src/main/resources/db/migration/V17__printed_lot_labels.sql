-- Pre-printed internal lot labels (docs/LABELS.md): every code printed in a block, so the next
-- block starts after it and a block is not printed twice over by mistake (a reprint is asked for).
CREATE TABLE printed_lot_label (
    item        varchar(40)  NOT NULL REFERENCES item (code),
    lot         varchar(20)  NOT NULL,
    printed_at  timestamptz  NOT NULL,
    printed_by  varchar(40)  NOT NULL,
    PRIMARY KEY (item, lot)
);
CREATE INDEX printed_lot_label_newest ON printed_lot_label (item, printed_at DESC);
